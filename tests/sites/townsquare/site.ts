// Town Square, a made-up site that exists only in Clearline's tests: it proves
// that a new site is one folder (docs/adding-a-site.md). Its .example address is
// reserved and reaches no one; test builds serve it from tests/fixtures/.
export const townsquareSite = {
  id: 'townsquare',
  keyPrefix: 'ts',
  hosts: ['https://www.townsquare.example/*'],
  featurePaths: 'about people notices',
} as const;
