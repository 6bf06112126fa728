CREATE TABLE "import_keys" (
	"record_type" text NOT NULL,
	"external_id" text NOT NULL,
	"item_id" integer NOT NULL,
	"imported_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_keys_record_type_external_id_pk" PRIMARY KEY("record_type","external_id")
);
