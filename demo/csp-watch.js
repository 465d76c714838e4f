// Counts Content-Security-Policy violations on the strict-CSP page and shows the number, so a
// visitor sees the flow run under the policy with none. A module file: inline script is refused.
const output = document.querySelector('[data-csp-violations]');
let count = 0;
document.addEventListener('securitypolicyviolation', (event) => {
  count += 1;
  if (output) output.textContent = String(count);
  console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
});
