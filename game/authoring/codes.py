"""Every message code `check` can print, whether it is an error or a warning, and what it means.

An error means the file cannot be played as written, or part of it can never happen;
a warning means something is probably a mistake but the game still plays. Each code
is explained, with its fix, in docs/authoring.md (a test keeps the two in step).
"""

from __future__ import annotations

ERROR, WARNING = "error", "warning"

#: code -> (severity, what it means in a few words)
CODES: dict[str, tuple[str, str]] = {
    # Reading the file.
    "file": (ERROR, "the file cannot be read as a scenario (missing, too big, not UTF-8)"),
    "yaml-syntax": (ERROR, "the text is not valid YAML"),
    "yaml-tab": (ERROR, "a tab is used for indentation"),
    "yaml-colon": (ERROR, "an unquoted text contains ': '"),
    "yaml-space-after-colon": (ERROR, "a key has no space after its ':'"),
    "yaml-space-after-dash": (ERROR, "a list item has no space after its '-'"),
    "yaml-block-indent": (ERROR, "block text is not indented under its '|' or '>'"),
    "yaml-invisible": (ERROR, "an invisible or unusual character is in the text"),
    "yaml-indent": (ERROR, "a line is indented where YAML does not expect it"),
    "yaml-quote": (ERROR, "a quoted text is not closed, or closes early"),
    "yaml-special-char": (ERROR, "an unquoted text starts with a character YAML reserves"),
    "yaml-flow": (ERROR, "a list in [ ] or a mapping in { } is not closed"),
    "yaml-duplicate-key": (ERROR, "a key appears twice in one mapping"),
    "yaml-alias": (ERROR, "anchors, aliases or tags are used"),
    "yaml-depth": (ERROR, "the file nests deeper than a scenario ever needs"),
    "not-a-scenario": (ERROR, "the file is empty or not a mapping of keys"),
    # The schema: each value on its own.
    "unknown-key": (ERROR, "a key the schema does not know"),
    "missing-key": (ERROR, "a required key is missing"),
    "wrong-type": (ERROR, "a value of the wrong type (text for a number, and so on)"),
    "out-of-range": (ERROR, "a number or list length outside its limits"),
    "not-allowed": (ERROR, "a word that is not one of the allowed ones"),
    "bad-id": (ERROR, "an id that is not lower-case letters, digits and underscores"),
    "inconsistent": (ERROR, "fields of one item contradict each other"),
    # References between parts.
    "unknown-role": (ERROR, "a role id that no role has"),
    "unknown-milestone": (ERROR, "a milestone id that no milestone has"),
    "unknown-action": (ERROR, "an action id that no action has"),
    "unknown-demand": (ERROR, "a demand id that no demand has"),
    "duplicate-id": (ERROR, "two items of one list share an id"),
    "id-typo": (ERROR, "a defined id that several references spell another way"),
    "listed-twice": (ERROR, "a role or party listed twice"),
    "role-word": (ERROR, "a role word that means nothing where it is used"),
    "self-pair": (ERROR, "trust or transparency of a role toward itself"),
    "aims-outside-roles": (ERROR, "`aims` lets a role take an action that `roles` leaves out"),
    "default-seat": (ERROR, "a default seat names a persona the game does not have"),
    "schema-line": (WARNING, "the $schema line points at no file from where the scenario is"),
    # Rules.
    "trust-seed-twice": (ERROR, "starting trust given twice for one pair"),
    "fog": (ERROR, "fog_min wider than fog_width"),
    # Actions and demands.
    "action-never": (ERROR, "an action no role can ever take"),
    "answers-not-offer": (ERROR, "on_accept or on_decline on an action that is not an offer"),
    "demand-make-and-drop": (ERROR, "one action both makes and drops a demand"),
    "demand-never-made": (ERROR, "no action makes a demand"),
    "demand-stuck": (ERROR, "a demand that nothing can meet or back down from"),
    "commitment-unbreakable": (WARNING, "a commitment that no action can break"),
    "ratification-never": (ERROR, "a ratification that can never pass"),
    "ratification-rare": (WARNING, "a ratification that passes at most 5 times in 100"),
    "commitment-never-kept": (WARNING, "a commitment whose term outlasts the game, so it is never kept"),
    "satisfies-never-aimed": (ERROR, "an action that meets a demand but is never aimed at its makers"),
    "demand-reward-dead": (ERROR, "a demand with a reward for being met that nothing can meet"),
    "backdown-other-role": (ERROR, "backed_down_by lists an action the demand's makers never "
                                   "take or accept"),
    "backdown-meets": (ERROR, "backed_down_by lists an offer that meets the same demand"),
    # Milestones.
    "milestone-cycle": (ERROR, "milestone prerequisites form a cycle"),
    "milestone-no-proposal": (ERROR, "no action proposes a milestone"),
    "milestone-non-party": (ERROR, "only roles that are not its parties can propose a milestone"),
    "progress-unreachable": (ERROR, "a milestone needs more progress than can ever be added"),
    "progress-too-slow": (ERROR, "a milestone needs more progress than the rounds and points allow"),
    "milestone-never": (ERROR, "a milestone can never operate"),
    # Conditions, events, objectives, endings.
    "condition-never": (ERROR, "a condition that can never hold"),
    "condition-twice": (WARNING, "a condition tests one thing twice, or two objectives test the same"),
    "event-round-past": (ERROR, "a scripted event after the last round"),
    "event-same-round": (ERROR, "two scripted events in one round: the second never fires"),
    "event-when-ignored": (WARNING, "`when` on an event that is not conditional"),
    "event-never": (ERROR, "an event that can never fire"),
    "event-hidden": (ERROR, "a conditional event that an earlier one always pre-empts"),
    "objective-never": (ERROR, "an objective that can never be met"),
    "objective-always": (WARNING, "an objective that is met whatever anyone does"),
    "ending-points": (ERROR, "an ending that gives no points to some role"),
    "ending-never": (ERROR, "an ending whose condition can never hold"),
    "ending-hidden": (ERROR, "an ending that an earlier ending always pre-empts"),
    "endings-uncovered": (ERROR, "a way the game can end that no ending surely covers"),
    # Effects.
    "effect-field-unused": (WARNING, "a field an effect of this kind does not read"),
    "effect-no-matter": (WARNING, "an effect that can never change anything"),
    "effects-cancel": (WARNING, "effects in one list that change one meter by amounts adding up to 0"),
    # The talks (`negotiation:`).
    "talks-unknown-role": (ERROR, "a role id in the talks that no role has"),
    "talks-unknown-action": (ERROR, "an action id in a term's do or avoid that no action has"),
    "talks-duplicate-id": (ERROR, "two issues, or two options of one issue, share an id"),
    "talks-walk-away": (ERROR, "a party to the talks without a walk-away value"),
    "talks-term-party": (ERROR, "a term binds a role, or is owed to one, that is not a party"),
    "talks-no-zone": (WARNING, "no package is worth its walk-away value to every party"),
    "talks-no-contest": (WARNING, "one package is the best for every party"),
    # Text in any script.
    "glyph-missing": (WARNING, "a text holds characters the window's fonts cannot draw"),
    # Translations (a companion file `NAME.<lang>.yaml`).
    "translation-file": (ERROR, "a translation file that is not shaped as one"),
    "translation-missing": (WARNING, "a text of the scenario that the translation file lacks"),
    "translation-extra": (WARNING, "a translation of a text the scenario does not have"),
    "translation-stale": (WARNING, "a translation whose English has changed since"),
    "translation-empty": (WARNING, "texts not translated yet"),
}


def severity_of(code: str) -> str:
    """ "error" or "warning" for a code; unknown or empty codes count as errors."""
    return CODES.get(code, (ERROR, ""))[0]
