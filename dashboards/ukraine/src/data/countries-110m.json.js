// The world atlas (Natural Earth 1:110m, as TopoJSON) from node_modules:
// its countries' ids are ISO 3166-1 numeric codes, as the views'
// counterpart_numeric.
import {createRequire} from "node:module";
import {readFileSync} from "node:fs";

const require = createRequire(import.meta.url);
process.stdout.write(readFileSync(require.resolve("world-atlas/countries-110m.json")));
