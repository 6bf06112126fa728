CREATE TABLE "public_tag_counts" (
	"vocabulary" text NOT NULL,
	"value" text NOT NULL,
	"item_type" "content_type" NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "public_tag_counts_vocabulary_value_item_type_pk" PRIMARY KEY("vocabulary","value","item_type")
);
