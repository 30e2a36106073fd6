// Every action an audit row records, each with the message the audit log shows for it. Writes
// take an `AuditAction`, so an action with no message here does not compile.
import type { MessageKey } from "@/lib/i18n/dictionary";

export const AUDIT_ACTIONS = {
  login: "audit.actions.login",
  "user.create": "audit.actions.user.create",
  "user.role": "audit.actions.user.role",
  "user.deactivate": "audit.actions.user.deactivate",
  "user.reactivate": "audit.actions.user.reactivate",
  "user.password_reset": "audit.actions.user.password_reset",
  "user.password_change": "audit.actions.user.password_change",
  "session.new_device": "audit.actions.session.new_device",
  "session.end": "audit.actions.session.end",
  "session.end_others": "audit.actions.session.end_others",
  "story.create": "audit.actions.story.create",
  "story.save": "audit.actions.story.save",
  "story.overwrite": "audit.actions.story.overwrite",
  "story.submit": "audit.actions.story.submit",
  "story.return": "audit.actions.story.return",
  "story.pass": "audit.actions.story.pass",
  "story.approve": "audit.actions.story.approve",
  "story.spike": "audit.actions.story.spike",
  "story.admit": "audit.actions.story.admit",
  "story.republish": "audit.actions.story.republish",
  "story.import": "audit.actions.story.import",
  "story.publish": "audit.actions.story.publish",
  "story.unpublish": "audit.actions.story.unpublish",
  "story.correct": "audit.actions.story.correct",
  "story.restore": "audit.actions.story.restore",
  "story.embargo": "audit.actions.story.embargo",
  "story.embargo_lift": "audit.actions.story.embargo_lift",
  "story.proofread": "audit.actions.story.proofread",
  "story.desk": "audit.actions.story.desk",
  "issue.create": "audit.actions.issue.create",
  "issue.number": "audit.actions.issue.number",
  "issue.schedule": "audit.actions.issue.schedule",
  "issue.reschedule": "audit.actions.issue.reschedule",
  "issue.unschedule": "audit.actions.issue.unschedule",
  "issue.publish": "audit.actions.issue.publish",
  "issue.unpublish": "audit.actions.issue.unpublish",
  "issue.seed": "audit.actions.issue.seed",
  "issue.sign_off": "audit.actions.issue.sign_off",
  "issue.sign_off_withdrawn": "audit.actions.issue.sign_off_withdrawn",
  "issue.hold": "audit.actions.issue.hold",
  "page.add": "audit.actions.page.add",
  "page.update": "audit.actions.page.update",
  "page.reorder": "audit.actions.page.reorder",
  "page.remove": "audit.actions.page.remove",
  "page.sign_off": "audit.actions.page.sign_off",
  "page.reopen": "audit.actions.page.reopen",
  "page.proof_round": "audit.actions.page.proof_round",
  "page.create": "audit.actions.page.create",
  "page.mark": "audit.actions.page.mark",
  "page.decide_mark": "audit.actions.page.decide_mark",
  "page.complete_round": "audit.actions.page.complete_round",
  "page.change_layout": "audit.actions.page.change_layout",
  "proof_mark.create": "audit.actions.proof_mark.create",
  "proof_mark.accept": "audit.actions.proof_mark.accept",
  "proof_mark.reject": "audit.actions.proof_mark.reject",
  "placement.add": "audit.actions.placement.add",
  "placement.arrange": "audit.actions.placement.arrange",
  "placement.remove": "audit.actions.placement.remove",
  "placement.import": "audit.actions.placement.import",
  "desk.create": "audit.actions.desk.create",
  "desk.member": "audit.actions.desk.member",
  "desk.remove_member": "audit.actions.desk.remove_member",
  "settings.update": "audit.actions.settings.update",
  "media.upload": "audit.actions.media.upload",
  "media.update": "audit.actions.media.update",
  "comment.add": "audit.actions.comment.add",
  "comment.resolve": "audit.actions.comment.resolve",
  "comment.reopen": "audit.actions.comment.reopen",
  "mfa.enrol": "audit.actions.mfa.enrol",
  "mfa.reset": "audit.actions.mfa.reset",
  "mfa.recovery_used": "audit.actions.mfa.recovery_used",
  "setup.admin": "audit.actions.setup.admin",
} as const satisfies Record<string, MessageKey>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

/** The message for an action read back from the log; rows from older code read "other change". */
export function auditActionMessage(action: string): MessageKey {
  return isAuditAction(action) ? AUDIT_ACTIONS[action] : "audit.otherAction";
}
