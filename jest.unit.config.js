const shared = require('./jest.shared');

module.exports = {
  ...shared,
  displayName: 'unit',
  testMatch: ['<rootDir>/{apps,libs,scripts,test}/**/*.spec.ts'],
};
