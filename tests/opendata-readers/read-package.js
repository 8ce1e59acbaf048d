// Reads a built site's Data Package with the reference JavaScript readers (npm datapackage + tableschema):
// the package must be valid, and every row of every table resource must read cast to its schema, with its
// foreign keys resolved. Prints one JSON line per resource ({"resource", "rows", "headers"}) for the .NET test
// to compare with the files, and exits non-zero on the first error.
'use strict';
const path = require('path');
const { Package } = require('datapackage');

async function main() {
  const descriptor = process.argv[2];
  if (!descriptor) {
    throw new Error('usage: node read-package.js <site>/data/datapackage.json');
  }

  const dataPackage = await Package.load(path.resolve(descriptor));
  if (!dataPackage.valid) {
    throw new Error('invalid package: ' + dataPackage.errors.map(e => e.message).join('; '));
  }

  for (const resource of dataPackage.resources) {
    if (!resource.tabular) {
      continue;
    }

    const rows = await resource.read({ keyed: true, cast: true, relations: true });
    const headers = resource.headers;
    const fields = resource.schema.fields.map(f => f.name);
    if (JSON.stringify(headers) !== JSON.stringify(fields)) {
      throw new Error(`${resource.name}: headers ${JSON.stringify(headers)} differ from fields ${JSON.stringify(fields)}`);
    }

    // With relations resolved, a foreign-key field holds the row it refers to: a missing one is an error.
    const foreign = new Set((resource.schema.foreignKeys || []).flatMap(k => [].concat(k.fields)));
    for (const [i, row] of rows.entries()) {
      for (const field of resource.schema.fields) {
        const value = row[field.name];
        if (foreign.has(field.name)) {
          if (value === null || typeof value !== 'object') {
            throw new Error(`${resource.name} row ${i + 2}, ${field.name}: refers to no row`);
          }

          continue;
        }

        if (value === null) {
          continue;
        }

        const ok = {
          integer: Number.isInteger(value),
          number: typeof value === 'number' || (value && typeof value.toFixed === 'function'),
          boolean: typeof value === 'boolean',
          date: value instanceof Date,
          string: typeof value === 'string',
        }[field.type];
        if (ok === false) {
          throw new Error(`${resource.name} row ${i + 2}, ${field.name}: ${JSON.stringify(value)} is not a ${field.type}`);
        }
      }
    }

    console.log(JSON.stringify({ resource: resource.name, rows: rows.length, headers }));
  }
}

main().catch(error => {
  const details = error.errors ? ': ' + error.errors.map(e => e.message).join('; ') : '';
  console.error('opendata-readers: ' + error.message + details);
  process.exit(1);
});
