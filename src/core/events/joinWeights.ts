// Written by `npm run train:joins` (scripts/train/joins.ts): do not edit by hand. See docs/join-scorer.md.
import type { JoinModel } from './joinScorer.js';

export const JOIN_WEIGHTS: JoinModel = {
  version: 1,
  trainedOn: "ECB+ topics 1-25 (23 topics, 355 pairs), logistic regression, 3000 epochs",
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
    "same place"
  ],
  weights: [
    -0.8912,
    -0.8261,
    -0.425,
    -0.425,
    2.1359,
    -0.579,
    -0.193,
    2.5423,
    0.2909,
    2.255,
    0.1353,
    0.014,
    -0.3624,
    0.576
  ],
  threshold: 0.3,
  checksum: "d0b29d0a"
};
