/**
 * The topics of the founding example (DESIGN.md). Descriptions are written by the Marginalia
 * editors. Red Terror, the Basmachi movement and dekulakization sit under political repression.
 */
export type DemoTopic = { slug: string; name: string; parentSlug?: string; description: string };

export const demoTopics: DemoTopic[] = [
  {
    slug: "political-repression",
    name: "Political repression",
    description:
      "Persecution of people by a state for their real or supposed political views, origins or affiliations, " +
      "including arrest, execution, deportation and confiscation of property.",
  },
  {
    slug: "rehabilitation",
    name: "Rehabilitation",
    description:
      "Official restoration of the rights and good name of people who were persecuted, often with the " +
      "annulment of their convictions and compensation for their heirs.",
  },
  {
    slug: "red-terror",
    name: "Red Terror",
    parentSlug: "political-repression",
    description:
      "The campaign of mass arrests and executions carried out by the Bolshevik authorities from 1918, named " +
      "after the decree of the Council of People's Commissars of September 1918.",
  },
  {
    slug: "basmachi-movement",
    name: "Basmachi movement",
    parentSlug: "political-repression",
    description:
      "The armed resistance to Soviet rule in Central Asia from 1916 into the 1930s, and the repression of " +
      "people accused of taking part in or supporting it.",
  },
  {
    slug: "dekulakization",
    name: "Dekulakization",
    parentSlug: "political-repression",
    description:
      "The Soviet campaign from 1929 against peasants classed as kulaks, whose land and property were seized " +
      "and who were arrested, deported or executed, often on “signs of a kulak economy”.",
  },
];
