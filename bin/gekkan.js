#!/usr/bin/env node
// The bundled CLI (scripts/bundle.mjs): the same code as lib/cli.js, loaded as a few files.
import { main } from "../lib/bundle/cli.js";

process.exitCode = await main(process.argv.slice(2));
