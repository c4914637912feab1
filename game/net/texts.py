"""The words of the web pages, gettext-ready like every other word in the game.

The pages are static files, so their words are sent to them as one script, `/texts.js`,
built here: `TEXTS` holds each message (marked with `N_` for the extractor) and
`page_texts()` translates them for the current language. A page reads a message with
`D.t(key, {name: value})`, which fills in the `{name}` places.
"""

from __future__ import annotations

import json

from game.words import N_, _, talk_stakes

TEXTS = {
    # connection and common parts
    "connecting": N_("Connecting…"), "connected": N_("Connected."), "disconnected": N_("Disconnected."),
    "reconnecting": N_("Connection lost. Reconnecting…"),
    "ws_blocked": N_("Connected over plain requests: this network does not let the live connection "
                     "(a WebSocket) through, so news may come a second or two later. To fix it, ask "
                     "the network's administrator to allow WebSocket connections to {host}."),
    "conn_lost_icon": N_("⚠ Warning: "),
    "timer_off": N_("Talks timer: not running"), "timer_up": N_("Talks timer: time is up"),
    "timer_left": N_("Talks timer: {clock} left"), "timer_paused": N_("Talks timer: paused at {clock}"),
    "minute_left": N_("One minute of talks left."), "time_up": N_("Time is up for the talks."),
    "paused": N_("The facilitator has paused the game."),
    "headline": N_("Round {round} of {rounds}. {phase}."),
    "headline_over": N_("Round {round} of {rounds}."),
    # meters
    "tension": N_("Tension"), "tension_value": N_("{value} of 100 ({band})"),
    "breakdown": N_("Talks have broken down."), "trust": N_("Trust"), "trust_table": N_("Trust table"),
    "trust_caption": N_("How far each row trusts each column (0 to 100)"), "itself": N_("itself"),
    "support": N_("Domestic support"), "support_line": N_("{label} ({role}): "),
    "support_range": N_("somewhere in {low}–{high}"),
    "support_note_team": N_("Other delegations' support is shown as a range; it narrows as they "
                            "are more open with you."),
    "support_note_room": N_("On this shared screen every delegation's support is shown only as a range."),
    "track": N_("Cooperation track"), "milestone_status": N_(": {status}"),
    "milestone_progress": N_(", progress {progress} of {needed}"),
    "demands": N_("Public demands"), "no_demands": N_("No public demand stands."),
    "demand_line": N_("{role} stands by its demand for {name}."),
    "demand_cost": N_(" Backing down now costs {cost} points of support at home ({label})."),
    "odds_line": N_("Ratification odds now {odds}%, with your support at home ({support_label}) at "
                    "{support}."),
    "backing_down": N_("Backing down now costs you {backing_down} points of support at home "
                       "({support_label})."),
    "commitments": N_("Commitments in force"), "no_commitments": N_("No commitments in force."),
    "commitment_line": N_("{name}: {actor} to {recipient}, rounds {made}–{expires}"),
    # events and results
    "no_event": N_("No event this round."), "event_title": N_("Event: {title}"), "event_label": N_("Event: "),
    "so_far": N_("So far this round"), "round_revealed": N_("Round {round} revealed"),
    "orders": N_("Orders"), "no_orders": N_("no orders"), "answers": N_("Answers to offers"),
    "reasoning": N_("AI reasoning"), "ledger": N_("Ledger, grouped by cause"),
    "no_change": N_("No meter changed."), "no_rounds": N_("No round has been revealed yet."),
    "who": N_("{role}: "),
    "over_title": N_("The game is over: {name}"), "scores": N_("Scores"), "delegation": N_("Delegation"),
    "score": N_("Score"), "made_of": N_("Made of"),
    "revealed_live": N_("Round {round} revealed."),
    # the board
    "board_title": N_("Détente: {title}"), "join_game": N_("Join the game"), "this_round": N_("This round"),
    "public_meters": N_("The meters (public view)"), "results": N_("Results"), "open": N_("Open "),
    "qr_alt": N_("QR code for {url}"),
    "local_only": N_("Only this computer can join: the host listens on 127.0.0.1. Restart it with "
                     "--lan to open the game to the room."),
    "joining_closed": N_("Joining is closed; ask the facilitator for your team's link."),
    "no_devices": N_("No team plays from a device."), "seat_ai": N_("{role}: an AI delegation"),
    "seat_hotseat": N_("{role}: plays at the host's computer"),
    # joining
    "join_title": N_("Join your delegation"), "join_help": N_("Type the join code your team was given "
                                                              "(it is shown on the board)."),
    "join_code": N_("Join code"), "join": N_("Join"), "join_empty": N_("Type your team's join code first."),
    "join_offline": N_("The game server cannot be reached. Check that you are on the room's network."),
    "needs_link": N_("This page needs your team's link. "),
    "join_with_code": N_("Join with your team's code"),
    # a team's panel
    "page_menu": N_("On this page"), "skip_move": N_("Skip to your move"), "your_move": N_("Your move"),
    "event": N_("Event"), "briefing": N_("Briefing"), "meters": N_("Meters"),
    "round_event_short": N_("Event"), "objectives_short": N_("Objectives"),
    "what_changed": N_("What changed"), "what_changed_short": N_("Changes"),
    "your_move_short": N_("Your move"), "meters_yours_short": N_("Meters"), "results_short": N_("Results"),
    "read_briefing": N_("Read your full briefing"), "what_it_does": N_("What it does"),
    "nothing_changed": N_("Nothing has changed yet: no round has been revealed."),
    "changed_in": N_("Round {round}, just revealed:"),
    "round_event": N_("This round's event"), "brief_objectives": N_("Your briefing and objectives"),
    "meters_yours": N_("The meters as you see them"), "objectives": N_("Your private objectives"),
    "objective": N_("{text} ({points} points)"), "sending": N_("Sending…"),
    "orders_received": N_("Your orders were received."),
    "answers_received": N_("Your answers were received."),
    "points_left": N_("Points left: {n}"), "not_open": N_(" (not open now)"), "an_offer": N_(" (an offer)"),
    "orders_help": N_("Choose your actions in secret. You have {points} points; each action costs 1 or 2. "
                      "Offers go to their targets, who accept or decline."),
    "cost": N_("[{cost} pt] {label}"), "give_orders": N_("Give these orders"),
    "cost_only": N_("[{cost} pt]"), "offer_to": N_(" An offer: {target} accepts or declines it."),
    "closed_why": N_(" Closed: {why}."), "too_few_points": N_("too few points left"),
    "cannot_afford": N_("{name} costs {cost} points; you have {left} left. Untick another action "
                        "first."),
    "over_budget": N_("These orders cost more points than you have. Untick an action."),
    "confirm_orders": N_("Give these orders?"),
    "confirm_none": N_("Give no orders this round?"),
    "none_help": N_("Nothing is ticked: your delegation takes no action this round and waits to "
                    "see what the others do."),
    "send_orders": N_("Yes, give these orders"), "send_none": N_("Yes, give no orders"),
    "back_to_menu": N_("No, back to the menu"),
    "brought_in": N_("Brought in by the facilitator: {title}"),
    "brought_in_label": N_("Brought in by the facilitator: "),
    "answers_help": N_("These offers were made to your delegation. Accept or decline each one, in secret."),
    "accept": N_("Accept"), "decline": N_("Decline"), "give_answers": N_("Give these answers"),
    "answer_all": N_("Answer every offer: accept or decline."),
    "talks_over": N_("The talks are closed for every delegation ({why}): the talks timer is not needed."),
    # the review of the answers, in the window's words (game/ui/play/orders.py)
    "confirm_answers": N_("Send these answers?"), "send_answers": N_("Confirm: send these answers"),
    "change_answers": N_("Change"), "answer_accept": N_("Accept {maker}'s offer: {action}"),
    "answer_decline": N_("Decline {maker}'s offer: {action}"),
    "orders_in": N_("Your orders are in ({orders}). Waiting for the other delegations."),
    "waiting_answers": N_("Waiting for the answers to this round's offers."),
    "game_over": N_("The game is over."),
    "team_status": N_("Tension {tension} ({band}). Your domestic support: {support}."),
    "team_title": N_("{role}: {title}"),
    "live_revealed": N_("Round {revealed} revealed. Round {round} begins: see Results."),
    "live_offers": N_("Offers arrived: your answers are needed."),
    "live_orders": N_("Your orders are needed."),
    "live_over": N_("The game is over: {name}."),
    # the talks on a team's panel
    "talks_part": N_("Talks over terms"), "talks_part_short": N_("Talks"),
    "talk_left": N_("You may send {n} more messages this round."),
    "talk_closed": N_("You cannot send a message now: {why}"),
    "talk_waiting_title": N_("Proposals waiting for your answer"),
    "talk_none_waiting": N_("No proposal is waiting for your answer."),
    "talk_from": N_("{heading}, from {sender}"), "talk_to": N_("{heading}, to {to}"),
    "talk_waiting": N_("Still to accept: {names}."),
    "talk_accept": N_("Accept proposal {id}"), "talk_counter": N_("Counter proposal {id}"),
    "talk_decline": N_("Decline proposal {id}"), "talk_withdraw": N_("Withdraw proposal {id}"),
    "talk_propose_title": N_("Propose a package"),
    "talk_propose_help": N_("Choose one option for each issue and the delegations to send it to. "
                            "Only they (and you) will read it."),
    "talk_counter_title": N_("Counter proposal {id}"),
    "talk_counter_help": N_("The package of the proposal is filled in: change what you want. Your "
                            "counter-proposal goes back to its sender and the other delegations it "
                            "was sent to."),
    "talk_option_closed": N_("{number}. {name} (closed: {closed})"),
    "talk_to_legend": N_("Send to"), "talk_send_proposal": N_("Propose"),
    "talk_send_counter": N_("Send the counter-proposal"), "talk_cancel_counter": N_("Cancel the counter"),
    "talk_pick_to": N_("Tick at least one delegation to send the proposal to."),
    "talk_wait": N_("Your last message is still being sent; wait a moment."),
    "talk_sent": N_("Your message in the talks was sent."),
    "talk_worth": talk_stakes.WORTH, "talk_better": talk_stakes.COMPARE[1],
    "talk_same": talk_stakes.COMPARE[0], "talk_worse": talk_stakes.COMPARE[-1],
    "talk_option_value": talk_stakes.OPTION_VALUE,
    "talk_package_title": N_("What this package means for you"),
    "talk_binds_none": N_("The package binds no one to any deed or restraint."),
    "talk_failed": N_("The message could not be sent; try again."),
    "talk_mine_title": N_("Your open proposals"), "talk_none_mine": N_("You have no open proposal."),
    "talk_history_title": N_("Messages you may read"), "talk_no_history": N_("No message yet."),
    "talk_reasons_title": N_("The AI delegations' reasons"),
    "talk_agreement_title": N_("The agreement"),
    # the facilitator's page
    "facilitator": N_("Facilitator"), "pin_label": N_("Teacher PIN (printed in the host's terminal)"),
    "open_desk": N_("Open the facilitator page"),
    "controls": N_("Controls"), "delegations": N_("Delegations"),
    "hotseat_team": N_("Hot-seat team"), "meters_public": N_("The meters (public view)"),
    "pause_game": N_("Pause the game"), "resume_game": N_("Resume the game"),
    "talks_minutes": N_("Talks (minutes) "),
    "start_timer": N_("Start timer"), "pause_timer": N_("Pause timer"),
    "resume_timer": N_("Resume timer"), "one_more": N_("One more minute"), "event_pick": N_("Event "),
    "inject": N_("Bring in event"), "inject_ask": N_("Bring in the event “{title}” now? Every team "
                                                     "and the board will see it."),
    "over_locked": N_("The game is over: the controls that change it are off."),
    "undo_ask": N_("Undo the last finished round?"),
    "undo": N_("Undo last round"), "end_ask": N_("End the game now? It is scored as it stands."),
    "end": N_("End the game"), "close_joining": N_("Close joining"), "open_joining": N_("Open joining"),
    "seats_caption": N_("Delegations and their seats"), "seat": N_("Seat"), "move_due": N_("Move due"),
    "actions": N_("Actions"), "yes": N_("yes"), "no": N_("no"), "device": N_("device"),
    "hotseat": N_("hot-seat"), "ai_seat": N_("AI: {persona}"), "ai_other": N_("another position"),
    "show_link": N_("Show {name}'s link"),
    "enter_moves": N_("Enter moves for {name}"), "pass_to": N_("Pass the computer to the {name} team."),
    "look_away": N_("Everyone else, please look away from this screen."),
    "reveal": N_("We are the {name} team: show our view"),
    "hand_back": N_("Done: hand back to the facilitator"),
    "desk_headline": N_("{title}. {headline}"), "desk_paused": N_(" The game is paused."),
    "files_saved": N_("Replay and debrief saved: {files}"),
    "link_private": N_("Give this link only to its team: "), "link_qr": N_("QR code of the team's link"),
    "hide_link": N_("Hide the link"),
    "new_seat": N_("Seat for {name}"), "change_seat": N_("Change seat"),
    "seat_ask": N_("Move {name} to: {seat}? A device seat that is left loses its link."),
    # the class at a glance, and more tables
    "class_glance": N_("The class at a glance"), "more_tables": N_("Start more tables"),
    "glance_title": N_("{label}: {title}"), "glance_round": N_("Round {round} of {rounds} · {phase}"),
    "phase_orders": N_("orders"), "phase_responses": N_("answers to offers"),
    "phase_resolve": N_("resolution"),
    "phase_over": N_("over"), "glance_over": N_("The game is over: {ending}."),
    "glance_waiting": N_("Still to move: {names}."), "glance_none_waiting": N_("No delegation owes a move."),
    "glance_tension": N_("Tension {tension} of 100 ({band})."),
    "glance_devices": N_("Devices connected: {devices}."), "devices_n": N_("{name} {devices}"),
    "devices_none": N_("{name} none"), "devices_ai": N_("{name} AI"),
    "devices_hotseat": N_("{name} at the host"),
    "paused_short": N_("Paused."), "shown_below": N_("Shown below."), "look_at": N_("Look at {label}"),
    "board_of": N_("Board of {label}"), "table_title": N_("{table}: {title}"),
    "tables_full": N_("The host runs its most tables ({n})."),
    "nt_scenario": N_("Scenario"), "nt_count": N_("How many tables"), "nt_seed": N_("Seed (optional)"),
    "nt_seed_help": N_("Each further table takes the next seed; leave it empty for a random one."),
    "nt_rounds": N_("Rounds (optional)"), "nt_seats": N_("Seats"), "nt_start": N_("Start the tables"),
    "apply_to": N_("The controls act on:"), "apply_one": N_("{table} (shown below)"),
    "apply_all": N_("every table ({n})"), "pause_all": N_("Pause every table"),
    "resume_all": N_("Resume every table"),
    "inject_ask_all": N_("Bring in the event “{title}” now, at every table whose case has it?"),
    "undo_ask_all": N_("Undo the last finished round at every table?"),
    "end_ask_all": N_("End the game now at every table? Each is scored as it stands."),
    "end_all": N_("End every table's game"), "close_joining_all": N_("Close joining everywhere"),
    "open_joining_all": N_("Open joining everywhere"),
    "seat_label": N_("Seat: "), "code_label": N_("Join code: "),
    "devices_connected": N_("Devices connected: {n}."), "no_device": N_("No device connected."),
    "move_due_yes": N_("A move is due."), "move_due_no": N_("No move due."),
    "new_link": N_("Give {name} a new link"),
    "new_link_ask": N_("Give {name} a new link and join code? Devices on the old link are closed."),
    "tables_title": N_("Détente: the tables"), "tables_join": N_("Every table joins at the same address."),
    "boards": N_("Each table's board"), "board_link": N_("{label}: {title}, round {round} of {rounds}"),
}


def page_texts() -> dict[str, str]:
    """Every message of the pages in the current language."""
    return {key: _(message) for key, message in TEXTS.items()}


def texts_script() -> str:
    """The script `/texts.js`: `const TEXTS = {...};`."""
    return f'"use strict";\nconst TEXTS = {json.dumps(page_texts(), ensure_ascii=False)};\n'
