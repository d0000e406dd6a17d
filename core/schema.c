/* SPDX-License-Identifier: GPL-3.0-or-later */
/* schema.c - migrations. Times are seconds since the epoch (UTC); calendar
 * dates are "YYYY-MM-DD" text; minutes of the day are integers. */
#include "core/schema.h"

#include <stddef.h>

/* The body of migration 16's triggers: team NEW, filed or classified
 * now, gets the next filing number unless it has one. */
#define FILING_NUMBER_GIVEN                                                                  \
	" INSERT INTO filing_number(team_id, code, year, seq, number)"                          \
	"  SELECT NEW.id, c, y, s, c || '-' || y || '-' || substr('000' || s, -max(4, length(s)))" \
	"  FROM ("                                                                              \
	"   SELECT c, y, ifnull((SELECT max(seq) FROM filing_number WHERE code = c AND year = y),"  \
	"    0) + 1 AS s FROM ("                                                                \
	"    SELECT ifnull((SELECT value FROM setting WHERE key = 'centre.code'), 'HD') AS c,"    \
	"     CAST(ifnull(substr(NEW.filed_date, 1, 4),"                                        \
	"      strftime('%Y', NEW.updated, 'unixepoch', 'localtime')) AS INTEGER) AS y))"        \
	"  WHERE NOT EXISTS (SELECT 1 FROM filing_number WHERE team_id = NEW.id);"               \
	" END;"

static const char *const MIGRATIONS[] = {
	/* 1 (application_id is DB_APPLICATION_ID, "HUBD"): settings, audit, the registers (rooms, organisations, teams) and
	 * the name search index. */
	"PRAGMA application_id = 1213547076;"
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value BLOB NOT NULL);"
	"CREATE TABLE setting(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE audit("
	" id INTEGER PRIMARY KEY, at INTEGER NOT NULL, desk TEXT NOT NULL,"
	" actor TEXT NOT NULL, actor_id INTEGER, actor_name TEXT,"
	" action TEXT NOT NULL, record TEXT, record_id INTEGER,"
	" before TEXT, after TEXT);"
	"CREATE INDEX audit_at ON audit(at);"
	"CREATE INDEX audit_record ON audit(record, record_id);"
	"CREATE TABLE room("
	" id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
	" kind INTEGER NOT NULL CHECK(kind BETWEEN 1 AND 7),"
	" capacity INTEGER NOT NULL CHECK(capacity >= 1),"
	" open_min INTEGER, close_min INTEGER,"
	" buffer_min INTEGER NOT NULL DEFAULT 0 CHECK(buffer_min >= 0),"
	" created INTEGER NOT NULL);"
	"CREATE TABLE room_closure("
	" id INTEGER PRIMARY KEY, room_id INTEGER NOT NULL REFERENCES room(id),"
	" start INTEGER NOT NULL, end INTEGER NOT NULL, reason TEXT NOT NULL,"
	" created INTEGER NOT NULL, CHECK(end > start));"
	"CREATE INDEX room_closure_room ON room_closure(room_id, start);"
	"CREATE TABLE org("
	" id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, short TEXT NOT NULL,"
	" kind INTEGER NOT NULL CHECK(kind BETWEEN 1 AND 3),"
	" credit_code TEXT UNIQUE, credit_ok INTEGER NOT NULL DEFAULT 1,"
	" contact TEXT, phone TEXT, in_date TEXT, out_date TEXT,"
	" created INTEGER NOT NULL, updated INTEGER NOT NULL);"
	"CREATE INDEX org_out ON org(out_date) WHERE out_date IS NOT NULL;"
	"CREATE TABLE team("
	" id INTEGER PRIMARY KEY, name TEXT NOT NULL, short TEXT NOT NULL,"
	" category INTEGER NOT NULL CHECK(category BETWEEN 1 AND 6),"
	" state INTEGER NOT NULL DEFAULT 1 CHECK(state BETWEEN 1 AND 5),"
	" leader TEXT NOT NULL, phone TEXT NOT NULL,"
	" members INTEGER NOT NULL CHECK(members >= 10),"
	" content TEXT NOT NULL, place TEXT NOT NULL, schedule TEXT NOT NULL,"
	" party_members INTEGER NOT NULL DEFAULT 0 CHECK(party_members >= 0),"
	" liaison TEXT, committee TEXT NOT NULL DEFAULT '', street TEXT NOT NULL DEFAULT '',"
	" filed_date TEXT, last_activity TEXT,"
	" created INTEGER NOT NULL, updated INTEGER NOT NULL);"
	"CREATE UNIQUE INDEX team_name_committee ON team(name, committee);"
	"CREATE INDEX team_state ON team(state);"
	"CREATE TABLE team_step("
	" id INTEGER PRIMARY KEY, team_id INTEGER NOT NULL REFERENCES team(id),"
	" at INTEGER NOT NULL, actor TEXT NOT NULL,"
	" from_state INTEGER, to_state INTEGER NOT NULL, reason TEXT);"
	"CREATE INDEX team_step_team ON team_step(team_id, at);"
	/* One row per one- and two-character piece of a name: the search of a
	 * few characters reads the index in rank order (position, length). */
	"CREATE TABLE name_gram("
	" gram TEXT NOT NULL, pos INTEGER NOT NULL, len INTEGER NOT NULL,"
	" kind INTEGER NOT NULL, id INTEGER NOT NULL,"
	" PRIMARY KEY(gram, pos, len, kind, id)) WITHOUT ROWID;"
	"CREATE INDEX name_gram_owner ON name_gram(kind, id);",
	/* 2: staff accounts (PINs only as Argon2id hashes) and booking PINs of
	 * organisations and teams. */
	"CREATE TABLE staff("
	" id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
	" role INTEGER NOT NULL CHECK(role BETWEEN 1 AND 3),"
	" pin_hash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0,"
	" failures INTEGER NOT NULL DEFAULT 0, locked_until INTEGER, last_signin INTEGER,"
	" created INTEGER NOT NULL, updated INTEGER NOT NULL);"
	"ALTER TABLE org ADD COLUMN pin_hash TEXT;"
	"ALTER TABLE team ADD COLUMN pin_hash TEXT;",
	/* 3: the print spool: every document is stored before it is sent and
	 * marked done only when CUPS accepted it. copy counts the prints of one
	 * record (1 the first, 2, 3 ... reprints). A test page and the list of
	 * who is here ('list') are their own record. */
	"CREATE TABLE spool("
	" id INTEGER PRIMARY KEY,"
	" kind TEXT NOT NULL CHECK(kind IN ('visitor', 'booking', 'team', 'test', 'list')),"
	" record_id INTEGER NOT NULL, copy INTEGER NOT NULL DEFAULT 1,"
	" format TEXT NOT NULL CHECK(format IN ('escpos', 'pdf')),"
	" queue TEXT NOT NULL DEFAULT '', data BLOB,"
	" state TEXT NOT NULL DEFAULT 'waiting' CHECK(state IN ('waiting', 'sending', 'done')),"
	" attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, cups_job INTEGER, file TEXT,"
	" created INTEGER NOT NULL, updated INTEGER NOT NULL);"
	"CREATE INDEX spool_open ON spool(state, id) WHERE state != 'done';"
	"CREATE INDEX spool_record ON spool(kind, record_id);",
	/* 4: visitors. A person's name and phone live in one row of `person`
	 * (so returning visitors are found, and erased, in one place); a visit
	 * keeps what the counts need (times, purpose, party, whom) and loses
	 * its person and note when erased. */
	"CREATE TABLE person("
	" id INTEGER PRIMARY KEY, name TEXT NOT NULL, phone TEXT, last4 TEXT,"
	" last_visit INTEGER NOT NULL, created INTEGER NOT NULL);"
	"CREATE INDEX person_name ON person(name, last_visit DESC);"
	"CREATE INDEX person_phone ON person(phone) WHERE phone IS NOT NULL;"
	"CREATE INDEX person_last4 ON person(last4, last_visit) WHERE last4 IS NOT NULL;"
	"CREATE TABLE visit("
	" id INTEGER PRIMARY KEY, person_id INTEGER REFERENCES person(id) ON DELETE SET NULL,"
	" purpose INTEGER NOT NULL CHECK(purpose BETWEEN 1 AND 13),"
	" org_id INTEGER REFERENCES org(id), team_id INTEGER REFERENCES team(id),"
	" party INTEGER NOT NULL DEFAULT 1 CHECK(party >= 1), note TEXT,"
	" under14 INTEGER NOT NULL DEFAULT 0, guardian_consent INTEGER NOT NULL DEFAULT 0,"
	" time_in INTEGER NOT NULL, time_out INTEGER, auto_out INTEGER NOT NULL DEFAULT 0,"
	" erased INTEGER NOT NULL DEFAULT 0, desk TEXT NOT NULL,"
	" CHECK(org_id IS NULL OR team_id IS NULL));"
	"CREATE INDEX visit_time_in ON visit(time_in);"
	"CREATE INDEX visit_person ON visit(person_id);"
	"CREATE INDEX visit_present ON visit(time_in) WHERE time_out IS NULL;"
	"CREATE INDEX visit_not_erased ON visit(time_in) WHERE erased = 0;",
	/* 5: closures of the whole centre, whole local days from..to. */
	"CREATE TABLE closure("
	" id INTEGER PRIMARY KEY, from_date TEXT NOT NULL, to_date TEXT NOT NULL,"
	" reason TEXT NOT NULL, created INTEGER NOT NULL, CHECK(to_date >= from_date));"
	"CREATE INDEX closure_to ON closure(to_date, from_date);",
	/* 6: bookings. hold_end is the end plus the room's buffer: two active
	 * bookings of a room never have overlapping [start, hold_end), and
	 * triggers refuse any write that would break that, whatever the path.
	 * Occurrences of a weekly series are rows of their own sharing
	 * series_id; a changed occurrence is marked as an exception. */
	"CREATE TABLE booking("
	" id INTEGER PRIMARY KEY, room_id INTEGER NOT NULL REFERENCES room(id),"
	" org_id INTEGER REFERENCES org(id), team_id INTEGER REFERENCES team(id),"
	" start INTEGER NOT NULL, end INTEGER NOT NULL, hold_end INTEGER NOT NULL,"
	" attendees INTEGER NOT NULL DEFAULT 1 CHECK(attendees >= 1), purpose TEXT,"
	" state TEXT NOT NULL CHECK(state IN ('pending', 'confirmed', 'checked_in', 'cancelled',"
	"  'released', 'rejected', 'lapsed')),"
	" series_id INTEGER, exception INTEGER NOT NULL DEFAULT 0,"
	" checkin_at INTEGER, cancelled_at INTEGER, late_cancel INTEGER NOT NULL DEFAULT 0,"
	" noshow INTEGER NOT NULL DEFAULT 0, reason TEXT,"
	" created INTEGER NOT NULL, updated INTEGER NOT NULL,"
	" CHECK(end > start AND hold_end >= end),"
	" CHECK((org_id IS NULL) != (team_id IS NULL)));"
	"CREATE INDEX booking_room_start ON booking(room_id, start);"
	"CREATE INDEX booking_start ON booking(start);"
	"CREATE INDEX booking_org ON booking(org_id, start) WHERE org_id IS NOT NULL;"
	"CREATE INDEX booking_team ON booking(team_id, start) WHERE team_id IS NOT NULL;"
	"CREATE INDEX booking_series ON booking(series_id, start) WHERE series_id IS NOT NULL;"
	"CREATE INDEX booking_open ON booking(start) WHERE state IN ('pending', 'confirmed');"
	"CREATE TRIGGER booking_no_overlap_insert BEFORE INSERT ON booking"
	" WHEN NEW.state IN ('pending', 'confirmed', 'checked_in') BEGIN"
	" SELECT RAISE(ABORT, 'booking overlap') FROM booking b"
	"  WHERE b.room_id = NEW.room_id AND b.state IN ('pending', 'confirmed', 'checked_in')"
	"  AND b.start < NEW.hold_end AND NEW.start < b.hold_end;"
	" END;"
	"CREATE TRIGGER booking_no_overlap_update BEFORE UPDATE OF room_id, start, end, hold_end,"
	" state ON booking WHEN NEW.state IN ('pending', 'confirmed', 'checked_in') BEGIN"
	" SELECT RAISE(ABORT, 'booking overlap') FROM booking b"
	"  WHERE b.id != NEW.id AND b.room_id = NEW.room_id"
	"  AND b.state IN ('pending', 'confirmed', 'checked_in')"
	"  AND b.start < NEW.hold_end AND NEW.start < b.hold_end;"
	" END;",
	/* 7: the overlap triggers read one day of the room's bookings through
	 * booking_room_start instead of its whole history. An active booking
	 * holds its room for less than a day (the rules make it end on the day
	 * it starts, with at most two hours of buffer, and the triggers refuse
	 * anything longer), so none that starts a day or more earlier can
	 * reach a new one. */
	"DROP TRIGGER booking_no_overlap_insert;"
	"DROP TRIGGER booking_no_overlap_update;"
	"CREATE TRIGGER booking_no_overlap_insert BEFORE INSERT ON booking"
	" WHEN NEW.state IN ('pending', 'confirmed', 'checked_in') BEGIN"
	" SELECT RAISE(ABORT, 'booking too long') WHERE NEW.hold_end - NEW.start >= 86400;"
	" SELECT RAISE(ABORT, 'booking overlap') FROM booking b"
	"  WHERE b.room_id = NEW.room_id AND b.start > NEW.start - 86400"
	"  AND b.start < NEW.hold_end AND NEW.start < b.hold_end"
	"  AND b.state IN ('pending', 'confirmed', 'checked_in');"
	" END;"
	"CREATE TRIGGER booking_no_overlap_update BEFORE UPDATE OF room_id, start, end, hold_end,"
	" state ON booking WHEN NEW.state IN ('pending', 'confirmed', 'checked_in') BEGIN"
	" SELECT RAISE(ABORT, 'booking too long') WHERE NEW.hold_end - NEW.start >= 86400;"
	" SELECT RAISE(ABORT, 'booking overlap') FROM booking b"
	"  WHERE b.room_id = NEW.room_id AND b.start > NEW.start - 86400"
	"  AND b.start < NEW.hold_end AND NEW.start < b.hold_end AND b.id != NEW.id"
	"  AND b.state IN ('pending', 'confirmed', 'checked_in');"
	" END;",
	/* 8: the roll of teams: the date of the last annual check, and the
	 * start of the team's latest booking, kept by a trigger, so that the
	 * clean-out list reads the teams alone. */
	"ALTER TABLE team ADD COLUMN checked_date TEXT;"
	"ALTER TABLE team ADD COLUMN last_booked INTEGER;"
	"UPDATE team SET last_booked = (SELECT max(start) FROM booking WHERE team_id = team.id);"
	"CREATE TRIGGER team_last_booked AFTER INSERT ON booking WHEN NEW.team_id IS NOT NULL BEGIN"
	" UPDATE team SET last_booked = max(ifnull(last_booked, 0), NEW.start)"
	"  WHERE id = NEW.team_id;"
	" END;"
	"CREATE INDEX team_roll ON team(state, filed_date);",
	/* 9: the people erased on request, by number and the time their row
	 * was made (numbers are used again), never their data: maintenance
	 * erases them from the backups it keeps, and a restore again. */
	"CREATE TABLE erasure(person_id INTEGER NOT NULL, created INTEGER NOT NULL,"
	" at INTEGER NOT NULL, PRIMARY KEY(person_id, created));",
	/* 10: wrong booking PINs lock a booker like wrong staff PINs lock an
	 * account. */
	"ALTER TABLE org ADD COLUMN pin_failures INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE org ADD COLUMN pin_locked_until INTEGER;"
	"ALTER TABLE team ADD COLUMN pin_failures INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE team ADD COLUMN pin_locked_until INTEGER;",
	/* 11: working days (调休): dates the centre opens although their
	 * weekday is closed every week (closed.weekdays). */
	"CREATE TABLE opening(id INTEGER PRIMARY KEY, day TEXT NOT NULL UNIQUE,"
	" reason TEXT NOT NULL, created INTEGER NOT NULL);",
	/* 12: reports count the filings and clean-outs of a period from the
	 * steps of that period. */
	"CREATE INDEX team_step_to ON team_step(to_state, at);",
	/* 13: a team's latest booking is one that holds its slot or was used
	 * (pending, confirmed, checked in): cancelling, rejecting, a lapse or a
	 * no-show gives the team no sign of life, so its roll follows those
	 * changes too. */
	"DROP TRIGGER team_last_booked;"
	"CREATE TRIGGER team_last_booked AFTER INSERT ON booking"
	" WHEN NEW.team_id IS NOT NULL AND NEW.state IN ('pending', 'confirmed', 'checked_in') BEGIN"
	" UPDATE team SET last_booked = max(ifnull(last_booked, 0), NEW.start)"
	"  WHERE id = NEW.team_id;"
	" END;"
	"CREATE TRIGGER team_last_booked_change AFTER UPDATE OF state, start, team_id ON booking"
	" WHEN OLD.team_id IS NOT NULL OR NEW.team_id IS NOT NULL BEGIN"
	" UPDATE team SET last_booked = (SELECT b.start FROM booking b WHERE b.team_id = team.id"
	"  AND b.state IN ('pending', 'confirmed', 'checked_in') ORDER BY b.start DESC LIMIT 1)"
	"  WHERE id IN (OLD.team_id, NEW.team_id);"
	" END;"
	"UPDATE team SET last_booked = (SELECT max(b.start) FROM booking b WHERE b.team_id = team.id"
	" AND b.state IN ('pending', 'confirmed', 'checked_in'));",
	/* 14: whom a visit is for may be someone of the centre named in words
	 * ("王老师") instead of an organisation or a team: each name is kept
	 * once, so the reports count visits by it. */
	"CREATE TABLE visitee(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
	"ALTER TABLE visit ADD COLUMN visitee_id INTEGER REFERENCES visitee(id);",
	/* 15: a document CUPS took is 'printing' until CUPS says its job
	 * completed (then 'done'), or ended without printing (then it waits
	 * again): the table is made again for its new CHECK. */
	"CREATE TABLE spool_next("
	" id INTEGER PRIMARY KEY,"
	" kind TEXT NOT NULL CHECK(kind IN ('visitor', 'booking', 'team', 'test', 'list')),"
	" record_id INTEGER NOT NULL, copy INTEGER NOT NULL DEFAULT 1,"
	" format TEXT NOT NULL CHECK(format IN ('escpos', 'pdf')),"
	" queue TEXT NOT NULL DEFAULT '', data BLOB,"
	" state TEXT NOT NULL DEFAULT 'waiting'"
	"  CHECK(state IN ('waiting', 'sending', 'printing', 'done')),"
	" attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, cups_job INTEGER, file TEXT,"
	" created INTEGER NOT NULL, updated INTEGER NOT NULL);"
	"INSERT INTO spool_next(id, kind, record_id, copy, format, queue, data, state, attempts,"
	" last_error, cups_job, file, created, updated)"
	" SELECT id, kind, record_id, copy, format, queue, data, state, attempts, last_error,"
	" cups_job, file, created, updated FROM spool;"
	"DROP TABLE spool;"
	"ALTER TABLE spool_next RENAME TO spool;"
	"CREATE INDEX spool_open ON spool(state, id) WHERE state != 'done';"
	"CREATE INDEX spool_record ON spool(kind, record_id);",
	/* 16: filing numbers (备案编号), e.g. HD-2026-0001: the centre's code
	 * (the setting centre.code, HD while never set), the year of the
	 * filing date and the team's place among that code's filings of the
	 * year. A team gets its number when it first becomes filed or
	 * classified (by the workflow, an import or an edit), from the
	 * triggers, in the transaction of that write; it keeps it for ever,
	 * through reopening, deregistering and filing again. Writers take the
	 * database in turn (BEGIN IMMEDIATE), so the next place is read and
	 * taken at once; the UNIQUE constraints are the backstop. Teams filed
	 * before are numbered here in filing order. */
	"CREATE TABLE filing_number("
	" team_id INTEGER PRIMARY KEY REFERENCES team(id),"
	" code TEXT NOT NULL, year INTEGER NOT NULL, seq INTEGER NOT NULL CHECK(seq >= 1),"
	" number TEXT NOT NULL UNIQUE, UNIQUE(code, year, seq));"
	"INSERT INTO filing_number(team_id, code, year, seq, number)"
	" SELECT id, 'HD', y, s, 'HD-' || y || '-' || substr('000' || s, -max(4, length(s)))"
	" FROM ("
	"  SELECT id, y, row_number() OVER (PARTITION BY y ORDER BY f, at, id) AS s FROM ("
	"   SELECT id, CAST(ifnull(substr(filed_date, 1, 4),"
	"     strftime('%Y', updated, 'unixepoch', 'localtime')) AS INTEGER) AS y,"
	"    ifnull(filed_date, date(updated, 'unixepoch', 'localtime')) AS f,"
	"    ifnull((SELECT min(st.at) FROM team_step st WHERE st.team_id = team.id"
	"     AND st.to_state IN (3, 4)), updated) AS at"
	"   FROM team WHERE state IN (3, 4) OR filed_date IS NOT NULL));"
	"CREATE TRIGGER team_filing_number_insert AFTER INSERT ON team"
	" WHEN NEW.state IN (3, 4) BEGIN"
	FILING_NUMBER_GIVEN
	"CREATE TRIGGER team_filing_number_update AFTER UPDATE OF state ON team"
	" WHEN NEW.state IN (3, 4) BEGIN"
	FILING_NUMBER_GIVEN,
	/* 17: the pinyin of names, beside name_gram: for each place a name can
	 * be found from (at 0: the start of an organisation's, team's or
	 * room's name or short name; 1: a character inside one, pos counting
	 * characters, short names from 1000; 2: the start of a person's name),
	 * the first letters of its readings and the readings in full, one row
	 * per combination of readings, so that letters typed as initials or
	 * syllables are looked up as a range of either. The rows of existing
	 * names are written once after this migration (search_pinyin_fill). */
	"CREATE TABLE name_pinyin("
	" at INTEGER NOT NULL CHECK(at BETWEEN 0 AND 2), initials TEXT NOT NULL,"
	" spelled TEXT NOT NULL, kind INTEGER NOT NULL, id INTEGER NOT NULL, pos INTEGER NOT NULL,"
	" PRIMARY KEY(at, initials, spelled, kind, id, pos)) WITHOUT ROWID;"
	"CREATE INDEX name_pinyin_spelled ON name_pinyin(at, spelled);"
	"CREATE INDEX name_pinyin_owner ON name_pinyin(kind, id);",
	/* 18: centres. A district's PostgreSQL database holds the records of
	 * several centres; a SQLite file holds one, the one row of centre,
	 * whose code and name are the file's settings (HD and the default
	 * name while never set). Every table of a centre's records says whose
	 * they are (centre_id, here always 1); what is unique is unique within
	 * a centre, and the upserts name (centre_id, ...). centre_move is
	 * where PostgreSQL keeps how a centre's ids moved when its SQLite
	 * file was loaded (core/centre_load.c); empty here. */
	"CREATE TABLE centre(id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE,"
	" name TEXT NOT NULL, role TEXT UNIQUE);"
	"INSERT INTO centre(id, code, name, role) VALUES (1,"
	" ifnull((SELECT value FROM setting WHERE key = 'centre.code'), 'HD'),"
	" ifnull((SELECT value FROM setting WHERE key = 'centre.name'), '社会组织服务中心'), NULL);"
	"ALTER TABLE meta ADD COLUMN centre_id INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE setting ADD COLUMN centre_id INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE audit ADD COLUMN centre_id INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE room ADD COLUMN centre_id INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE room_closure ADD COLUMN centre_id INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE org ADD COLUMN centre_id INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE team ADD COLUMN centre_id INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE team_step ADD COLUMN centre_id INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE name_gram ADD COLUMN centre_id INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE staff ADD COLUMN centre_id INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE spool ADD COLUMN centre_id INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE person ADD COLUMN centre_id INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE visitee ADD COLUMN centre_id INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE visit ADD COLUMN centre_id INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE closure ADD COLUMN centre_id INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE booking ADD COLUMN centre_id INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE erasure ADD COLUMN centre_id INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE opening ADD COLUMN centre_id INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE filing_number ADD COLUMN centre_id INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE name_pinyin ADD COLUMN centre_id INTEGER NOT NULL DEFAULT 1;"
	"CREATE TABLE centre_move(centre_id INTEGER NOT NULL, kind TEXT NOT NULL,"
	" last_old INTEGER NOT NULL, shift INTEGER NOT NULL, PRIMARY KEY(centre_id, kind));"
	"CREATE UNIQUE INDEX setting_centre_key ON setting(centre_id, key);"
	"CREATE UNIQUE INDEX opening_centre_day ON opening(centre_id, day);"
	"CREATE UNIQUE INDEX visitee_centre_name ON visitee(centre_id, name);",
};

const char *schema_migration(int version)
{
	if (version < 1 || version > schema_count())
		return NULL;
	return MIGRATIONS[version - 1];
}

int schema_count(void)
{
	return (int)(sizeof(MIGRATIONS) / sizeof(MIGRATIONS[0]));
}
