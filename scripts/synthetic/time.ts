/** The span items are created in: fixed, so that a seed gives the same archive whenever it runs. */
export const FROM = Date.UTC(2012, 0, 1);
export const TO = Date.UTC(2026, 0, 1);
