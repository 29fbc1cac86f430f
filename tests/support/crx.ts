// Reads a CRX3 and its zip as Chromium does, without the packaging library: the tests check
// that library's output against the format itself, not against its own code.
// CRX3: "Cr24", version 3 (uint32 LE), header length (uint32 LE), a CrxFileHeader protobuf
// (components/crx_file/crx3.proto), then the zip. The signature covers
// "CRX3 SignedData\0" + uint32 LE length of signed_header_data + signed_header_data + zip.
import { createPublicKey, verify } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';

type Fields = Map<number, Buffer[]>;

/** The length-delimited fields of a protobuf message (the only kind CrxFileHeader uses). */
function protobufFields(bytes: Buffer): Fields {
  const fields: Fields = new Map();
  let at = 0;
  const varint = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < bytes.length) {
    const tag = varint();
    if ((tag & 7) !== 2) throw new Error(`unexpected wire type ${tag & 7} in the CRX header`);
    const length = varint();
    const value = bytes.subarray(at, at + length);
    at += length;
    fields.set(tag >>> 3, [...(fields.get(tag >>> 3) ?? []), value]);
  }
  return fields;
}

export interface Crx {
  magic: string;
  version: number;
  headerLength: number;
  publicKeys: Buffer[];
  crxId: Buffer;
  archive: Buffer;
  /** Whether every RSA proof verifies over the signed data and the archive. */
  signaturesVerify: boolean;
}

export function readCrx(file: Buffer): Crx {
  const magic = file.subarray(0, 4).toString('latin1');
  const version = file.readUInt32LE(4);
  const headerLength = file.readUInt32LE(8);
  const header = protobufFields(file.subarray(12, 12 + headerLength));
  const archive = file.subarray(12 + headerLength);
  const signedHeaderData = header.get(10000)?.[0] ?? Buffer.alloc(0);
  const proofs = (header.get(2) ?? []).map((proof) => protobufFields(proof));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(signedHeaderData.length);
  const signed = Buffer.concat([
    Buffer.from('CRX3 SignedData\x00', 'latin1'),
    length,
    signedHeaderData,
    archive,
  ]);
  const publicKeys = proofs.map((proof) => proof.get(1)![0]!);
  const signaturesVerify =
    proofs.length > 0 &&
    proofs.every((proof) =>
      verify(
        'sha256',
        signed,
        createPublicKey({ key: proof.get(1)![0]!, format: 'der', type: 'spki' }),
        proof.get(2)![0]!,
      ),
    );
  const crxId = protobufFields(signedHeaderData).get(1)?.[0] ?? Buffer.alloc(0);
  return { magic, version, headerLength, publicKeys, crxId, archive, signaturesVerify };
}

/** The files of a zip, by name, from its central directory (stored and deflated entries). */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    if (name.endsWith('/')) continue;
    if (method === 0) files.set(name, data);
    else if (method === 8) files.set(name, inflateRawSync(data));
    else throw new Error(`${name}: zip method ${method} not supported here`);
  }
  return files;
}
