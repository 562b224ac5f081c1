// viz: pure view geometry, colour scales and number formats (no React, no DOM).
export * from './colors';
export * from './format';
export * from './window';
export * from './pool';
export * from './products';
export * from './filters';
