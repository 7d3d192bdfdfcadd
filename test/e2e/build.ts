// The tests build the extension the way `npm run build` and `npm run package` do.
export { buildExtension } from '../../build/extension.ts';
