const fs = require('node:fs');
const path = require('node:path');

const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));

/** Path aliases mirror tsconfig.json; swc does the transform, `tsc --noEmit` does the type-check. */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }],
    // content-disposition 3 (via @fastify/static) ships ESM only; Node 20 loads it natively, jest needs it compiled.
    // sanitize-html's parser (htmlparser2 and the dom* packages under it) ships ESM only, likewise.
    '/node_modules/(content-disposition|htmlparser2|domhandler|domutils|dom-serializer|domelementtype|entities)/.+\\.js$':
      ['@swc/jest', { ...swcrc, swcrc: false, jsc: { ...swcrc.jsc, parser: { syntax: 'ecmascript' } } }],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(content-disposition|htmlparser2|domhandler|domutils|dom-serializer|domelementtype|entities)/)',
  ],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@exam/(contracts|platform|crypto|testing)$': '<rootDir>/libs/$1/src',
    '^@exam/(contracts|platform|crypto|testing)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.local/'],
};
