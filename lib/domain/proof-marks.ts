// A proofreader's mark (校对): what it suggests and where it stands. Pure.

export const PROOF_MARK_KINDS = ["replace", "delete", "insert"] as const;

export const PROOF_MARK_STATES = ["open", "accepted", "rejected"] as const;
