/**
 * Evidence files in an S3-compatible bucket (AWS S3, MinIO, Ceph, and so on). The bucket stays
 * private: Headway reads each object itself and serves it only after a permission check, so no
 * object URL is ever handed to a browser.
 */
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { assertStorageKey } from "@/server/storage/keys";
import type { EvidenceStorage } from "@/server/storage/storage";

export type S3StorageConfig = {
  bucket: string;
  region: string;
  /** Unset for AWS itself; the service's URL for other S3-compatible stores. */
  endpoint?: string;
  /** `https://host/bucket/key` addressing, which most non-AWS stores need. */
  forcePathStyle?: boolean;
  accessKeyId: string;
  secretAccessKey: string;
};

export class S3Storage implements EvidenceStorage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(config: S3StorageConfig) {
    this.bucket = config.bucket;
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle ?? false,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // Checksums only where S3 requires them: many S3-compatible stores reject the SDK's
      // default trailing-checksum uploads. Headway checks its own SHA-256 on every download.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    assertStorageKey(key);
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bytes, ContentType: contentType, ContentLength: bytes.length }),
    );
  }

  async get(key: string): Promise<Buffer | null> {
    assertStorageKey(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!object.Body) return null;
      return Buffer.from(await object.Body.transformToByteArray());
    } catch (error) {
      if (error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.$metadata.httpStatusCode === 404)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** Closes the client's connections (tests, shutdown). */
  destroy(): void {
    this.client.destroy();
  }
}
