// Written by `npm run train:joins` (scripts/train/joins.ts): do not edit by hand. See docs/join-scorer.md.
import type { JoinModel } from './joinScorer.js';

export const JOIN_WEIGHTS: JoinModel = {
  version: 2,
  trainedOn: "ECB+ topics 1-25 (23 topics, 602 pairs), logistic regression, 3000 epochs, threshold by 5-fold cross-validation over topics",
  features: [
    "bias",
    "same kind",
    "same title word",
    "a shared word",
    "same trigger",
    "shares a person or organisation",
    "people and organisations shared (of 3)",
    "any participant shared",
    "each names someone the other does not",
    "neither names anyone",
    "one names no one",
    "doers differ",
    "places differ",
    "same place",
    "one is dated",
    "wording alike (Jaccard)",
    "words shared (of 6)",
    "a number shared"
  ],
  weights: [
    -3.045,
    -0.04,
    -0.9191,
    -0.5589,
    1.983,
    0.3016,
    0.1005,
    0.9955,
    0.4964,
    0.4185,
    0.3967,
    -0.0955,
    -0.2431,
    0.1905,
    -0.104,
    4.8527,
    1.8991,
    1.2416
  ],
  threshold: 0.45,
  checksum: "2f6e3d55"
};
