-- How families reach the council about the area's SEND plan, shown on its public pages when set:
-- an email address, a web page, or both. Both optional.
ALTER TABLE "LocalArea" ADD COLUMN "publicContactEmail" TEXT;
ALTER TABLE "LocalArea" ADD COLUMN "publicContactUrl" TEXT;
