import bash from "highlight.js/lib/languages/bash";
import diff from "highlight.js/lib/languages/diff";
import ini from "highlight.js/lib/languages/ini";
import json from "highlight.js/lib/languages/json";
import xml from "highlight.js/lib/languages/xml";
import yaml from "highlight.js/lib/languages/yaml";
import javascript from "highlight.js/lib/languages/javascript";
import python from "highlight.js/lib/languages/python";
import c from "highlight.js/lib/languages/c";

/**
 * The languages this kind of newsletter shows: shell sessions, cluster
 * configuration (crm/ini-like, XML CIB), and the odd script. A fixed list
 * keeps start-up fast and the output independent of auto-detection.
 */
export const highlightLanguages = { bash, diff, ini, json, xml, yaml, javascript, python, c };
