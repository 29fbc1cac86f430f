// Public half of the development signing key. It only fixes the unpacked
// extension's id (the id is derived from this key) so that tests can write an
// enterprise policy for a known id. Store zips are built without it: the
// stores assign their own id. The private half is not needed and not kept.
export const DEV_MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAp5nX+/0jFyFVwGUc41SpBJgHR9AutsHxXRaJDclXHZdATZEGtAtEQ2WYb6qGfa/ISyttvf8BwPLXtP1UGDSA/+cYFFDs78OqENchfREmD0W7t2r+FnK2uRSJBD2swJEv+5sLrP+xeRIyia9n0X/Z/J2BNLVjmRZbcj8YGkWsyjqpkndUU0Es4OdhWkVPN4wCtJDeg4yOGSkpUIQQeUBeYxTDP8MgGF1x4qtQjcAOO2Zv1xF8pLtqq+auiQAZRyXu2pOz5CBHN25wb9rrWRlxhw7qDoqhe3VHwbxz3Bwrsav5SBrH/ewS0YdtXlsWe2oIB0D36xrx/akR5HBnlxrThQIDAQAB';

// sha256 of the key's DER, first 32 hex digits mapped 0-f -> a-p.
export const DEV_EXTENSION_ID = 'iapojipmiegpkakgieihmdkebkgjpgeo';
