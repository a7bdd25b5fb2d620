// Where generated files live in the export, and the relative import paths between them.
import type { ServiceSpec } from '../../topology';

export const serviceDir = (s: ServiceSpec) => `services/${s.name}`;
/** From services/<svc>/src/<folder>/x.ts to the project root. */
export const ROOT_FROM_ELEMENT = '../../../..';
/** From services/<svc>/src/x.ts to the project root. */
export const ROOT_FROM_SERVICE = '../../..';
/** From services/<svc>/test/x.test.ts to the project root. */
export const ROOT_FROM_TEST = '../../..';
