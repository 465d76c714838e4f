#!/usr/bin/env node
// `npm start`. Until the demo server lands this says what it will serve; it never fails.
console.log('insurup-elements: `npm start` will build the widget, start the InsurUp sandbox and the token proxy,');
console.log('and serve the demo pages (full flow, CMS page, theming, strict CSP, configurator, phone panel).');
console.log('They are not built yet; `npm test` runs what exists.');
