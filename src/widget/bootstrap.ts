/**
 * What the entry loads in a browser: the flow (so the one-tag integration renders at once)
 * and the autoloader for every other element on the page.
 */
import './elements/insurup-flow/element.js';
import { autoloadElements } from './elements/registry.js';

autoloadElements();
