-- Published benchmarks: a catalogue of standard measures (seeded below, so every database has it),
-- the DfE's and the LGA's figures for them, the statistical neighbours, the saved column mappings,
-- and each linked measure's comparison lines (England, region, neighbours' average).

-- CreateEnum
CREATE TYPE "GeographicLevel" AS ENUM ('NATIONAL', 'REGIONAL', 'LOCAL_AUTHORITY');

-- CreateEnum
CREATE TYPE "ComparisonSeries" AS ENUM ('ENGLAND', 'REGION', 'NEIGHBOURS');

-- AlterTable
ALTER TABLE "Measure" ADD COLUMN     "catalogueMeasureId" TEXT;

-- CreateTable
CREATE TABLE "CatalogueMeasure" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "unit" "MeasureUnit" NOT NULL,
    "direction" "MeasureDirection" NOT NULL,
    "sourceName" TEXT NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "CatalogueMeasure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublishedStatistic" (
    "id" TEXT NOT NULL,
    "catalogueMeasureId" TEXT NOT NULL,
    "geographicLevel" "GeographicLevel" NOT NULL,
    "areaCode" TEXT NOT NULL,
    "areaName" TEXT NOT NULL,
    "region" "Region",
    "periodEnd" DATE NOT NULL,
    "periodLabel" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "PublishedStatistic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatisticalNeighbour" (
    "laCode" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "neighbourLaCode" TEXT NOT NULL,

    CONSTRAINT "StatisticalNeighbour_pkey" PRIMARY KEY ("laCode","rank")
);

-- CreateTable
CREATE TABLE "StatisticsMapping" (
    "key" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatisticsMapping_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "MeasureComparisonPoint" (
    "id" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "series" "ComparisonSeries" NOT NULL,
    "label" TEXT NOT NULL,
    "periodEnd" DATE NOT NULL,
    "periodLabel" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "count" INTEGER,

    CONSTRAINT "MeasureComparisonPoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CatalogueMeasure_name_key" ON "CatalogueMeasure"("name");

-- CreateIndex
CREATE INDEX "PublishedStatistic_catalogueMeasureId_geographicLevel_perio_idx" ON "PublishedStatistic"("catalogueMeasureId", "geographicLevel", "periodEnd");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedStatistic_catalogueMeasureId_geographicLevel_areaC_key" ON "PublishedStatistic"("catalogueMeasureId", "geographicLevel", "areaCode", "periodEnd");

-- CreateIndex
CREATE UNIQUE INDEX "StatisticalNeighbour_laCode_neighbourLaCode_key" ON "StatisticalNeighbour"("laCode", "neighbourLaCode");

-- CreateIndex
CREATE UNIQUE INDEX "MeasureComparisonPoint_measureId_series_periodEnd_key" ON "MeasureComparisonPoint"("measureId", "series", "periodEnd");

-- CreateIndex
CREATE INDEX "Measure_catalogueMeasureId_idx" ON "Measure"("catalogueMeasureId");

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_catalogueMeasureId_fkey" FOREIGN KEY ("catalogueMeasureId") REFERENCES "CatalogueMeasure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedStatistic" ADD CONSTRAINT "PublishedStatistic_catalogueMeasureId_fkey" FOREIGN KEY ("catalogueMeasureId") REFERENCES "CatalogueMeasure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureComparisonPoint" ADD CONSTRAINT "MeasureComparisonPoint_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The catalogue. Ids are stable keys: saved mappings, links from measures and the ranking's
-- address name them. Definitions follow the publications' own.
INSERT INTO "CatalogueMeasure" ("id", "name", "definition", "unit", "direction", "sourceName", "sourceUrl", "sortOrder") VALUES
  ('ehcp-20-weeks-including-exceptions', 'EHC plans issued within 20 weeks (including exceptions)',
   'Of new EHC plans issued in the calendar year, the percentage issued within 20 weeks of the request for an EHC needs assessment, including cases to which the statutory exceptions apply.',
   'PERCENT', 'HIGHER_IS_BETTER', 'Education, health and care plans (DfE, SEN2 return)',
   'https://explore-education-statistics.service.gov.uk/find-statistics/education-health-and-care-plans', 1),
  ('ehcp-20-weeks-excluding-exceptions', 'EHC plans issued within 20 weeks (excluding exceptions)',
   'Of new EHC plans issued in the calendar year, the percentage issued within 20 weeks of the request for an EHC needs assessment, leaving out cases to which the statutory exceptions apply.',
   'PERCENT', 'HIGHER_IS_BETTER', 'Education, health and care plans (DfE, SEN2 return)',
   'https://explore-education-statistics.service.gov.uk/find-statistics/education-health-and-care-plans', 2),
  ('ehcp-count', 'Number of EHC plans',
   'Children and young people with an EHC plan maintained by the local authority, as at January. A count of need rather than a judgement: areas are listed highest first.',
   'COUNT', 'HIGHER_IS_BETTER', 'Education, health and care plans (DfE, SEN2 return)',
   'https://explore-education-statistics.service.gov.uk/find-statistics/education-health-and-care-plans', 3),
  ('suspensions-ehc-plan-rate', 'Suspensions of pupils with an EHC plan (rate)',
   'Suspensions of pupils with an EHC plan in state-funded primary, secondary and special schools in the academic year, per 100 pupils with an EHC plan.',
   'RATE', 'LOWER_IS_BETTER', 'Suspensions and permanent exclusions in England (DfE)',
   'https://explore-education-statistics.service.gov.uk/find-statistics/suspensions-and-permanent-exclusions-in-england', 4),
  ('permanent-exclusions-ehc-plan-rate', 'Permanent exclusions of pupils with an EHC plan (rate)',
   'Permanent exclusions of pupils with an EHC plan in state-funded primary, secondary and special schools in the academic year, per 100 pupils with an EHC plan.',
   'RATE', 'LOWER_IS_BETTER', 'Suspensions and permanent exclusions in England (DfE)',
   'https://explore-education-statistics.service.gov.uk/find-statistics/suspensions-and-permanent-exclusions-in-england', 5),
  ('persistent-absence-ehc-plan', 'Persistent absence of pupils with an EHC plan',
   'Percentage of pupils with an EHC plan in state-funded schools who missed 10% or more of their possible sessions in the academic year.',
   'PERCENT', 'LOWER_IS_BETTER', 'Pupil absence in schools in England (DfE)',
   'https://explore-education-statistics.service.gov.uk/find-statistics/pupil-absence-in-schools-in-england', 6),
  ('persistent-absence-sen-support', 'Persistent absence of pupils with SEN support',
   'Percentage of pupils receiving SEN support in state-funded schools who missed 10% or more of their possible sessions in the academic year.',
   'PERCENT', 'LOWER_IS_BETTER', 'Pupil absence in schools in England (DfE)',
   'https://explore-education-statistics.service.gov.uk/find-statistics/pupil-absence-in-schools-in-england', 7),
  ('send-tribunal-appeal-rate', 'SEND Tribunal appeal rate',
   'Appeals to the First-tier Tribunal (SEND) registered against the local authority in the year, as a percentage of the appealable decisions it made.',
   'PERCENT', 'LOWER_IS_BETTER', 'Tribunal statistics quarterly: SEND appeals (Ministry of Justice; LGA LG Inform)',
   'https://www.gov.uk/government/collections/tribunals-statistics', 8);
