-- AlterTable
ALTER TABLE "YouSaidWeDid" ADD COLUMN     "forumComment" TEXT,
ADD COLUMN     "forumCommentAt" TIMESTAMP(3),
ADD COLUMN     "forumCommentById" TEXT,
ADD COLUMN     "publishedById" TEXT;

-- AddForeignKey
ALTER TABLE "YouSaidWeDid" ADD CONSTRAINT "YouSaidWeDid_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YouSaidWeDid" ADD CONSTRAINT "YouSaidWeDid_forumCommentById_fkey" FOREIGN KEY ("forumCommentById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
