# SPDX-License-Identifier: GPL-3.0-or-later
# test_report.sh - `hubdesk report`: the CSV (BOM, CRLF, RFC 4180, the rows
# of DESIGN.md in order), every figure checked against counts made here with
# SQL on the same database; the text for people (zh and en, no personal
# data); the A4 PDF; bad usage (2, nothing on stdout).
#
# The world: rooms with their own hours and with the default ones, teams and
# organisations made and stepped through the command line at times before,
# inside and after the periods (so the "as it stood at the end of the
# period" rule shows), a few thousand visits and bookings written straight
# into the database by a seeded generator (every hour of the day, erased
# visits, checked-in, released and cancelled bookings), then closures, a
# closed weekday and a working day (调休) that cut the open hours.
. "$(dirname "$0")/../lib.sh"
sqlite_only "its generator writes the SQLite file with Python sqlite3"

TAB=$(printf '\t')
PY="$T/report.py"

cat >"$PY" <<'EOF'
# report.py gen DB | check DB CSV FROM TO MODE LABEL | totals DB FROM TO |
# personal DB | permille USED OPEN
import csv, datetime as dt, io, random, sqlite3, sys, time

PURPOSES = ["政策咨询", "登记/变更/注销指导", "群众团队备案", "场地使用/预约", "培训/讲座/沙龙",
            "项目对接/公益创投", "入驻孵化/机构办公", "年检年报/评估/财务指导", "党建活动", "志愿服务",
            "参观调研", "递交材料/拜访", "其他"]
CATEGORIES = ["文体活动", "公益慈善", "生活服务", "社区事务", "专业调处", "其他"]
STATES = ["待初审", "已初审", "已备案", "已分类", "已注销"]
KINDS = ["入驻机构", "社区社会组织", "其他"]


def local(day, h=0, m=0, s=0):
    """Epoch seconds of a local time (TZ of the environment)."""
    return int(time.mktime((day.year, day.month, day.day, h, m, s, 0, 0, -1)))


def date(text):
    return dt.date.fromisoformat(text)


def connect(path):
    return sqlite3.connect(path)


# ---- the generator ---------------------------------------------------------

FIRST, LAST = dt.date(2026, 9, 25), dt.date(2026, 12, 5)
NO_BOOKINGS = {dt.date(2026, 11, 11)}  # the closure added later
ROUNDING_ROOM = "培训室B"             # 09:00-17:00, 480 minutes a day
ROUNDING = {
    # day: (start, end, state, noshow, late_cancel) in minutes of the day
    dt.date(2026, 11, 18): [(540, 570, "checked_in", 0, 0), (600, 720, "released", 1, 0),
                            (780, 900, "cancelled", 0, 1)],
    dt.date(2026, 11, 19): [(540, 630, "checked_in", 0, 0), (660, 720, "confirmed", 0, 0)],
}
STATE_WEIGHTS = [("checked_in", 50), ("released", 15), ("cancelled_late", 10), ("cancelled", 8),
                 ("confirmed", 7), ("pending", 2), ("rejected", 4), ("lapsed", 4)]


def gen(path):
    random.seed(20261123)
    db = connect(path)
    c = db.cursor()
    now = local(dt.date(2026, 9, 1), 8)
    days = [FIRST + dt.timedelta(i) for i in range((LAST - FIRST).days + 1)]
    # People: names of rare characters, so that a leak is found by grep.
    sur, giv = "鲍蔺瞿阙", "彧琰瑾琛璇珩翊昶"
    people = []
    for i in range(300):
        name = random.choice(sur) + random.choice(giv) + random.choice(giv)
        phone = "139%08d" % random.randrange(10 ** 8)
        c.execute("INSERT INTO person(name, phone, last4, last_visit, created) VALUES (?, ?, ?, ?, ?)",
                  (name, phone, phone[-4:], now, now))
        people.append(c.lastrowid)
    purpose_w = [30, 8, 6, 20, 15, 5, 10, 6, 0, 12, 0, 10, 5]  # 9 never; 11 in November only
    hour_w = [1] * 6 + [3, 5, 12, 14, 14, 12, 8, 10, 14, 14, 12, 10, 8, 6, 4, 2, 1, 1]
    orgs = [r[0] for r in c.execute("SELECT id FROM org WHERE created < ?", (local(dt.date(2026, 10, 1)),))]
    visits = []

    def visit(t, purpose, erased, party=1):
        person = None if erased else random.choice(people)
        org = random.choice(orgs) if orgs and random.random() < 0.2 else None
        out = t + random.randrange(10, 180) * 60 if random.random() < 0.9 else None
        visits.append((person, purpose, org, party, None if erased else "备注", t, out, erased))

    for i in range(3000):
        day = random.choice(days)
        hour = random.choices(range(24), hour_w)[0]
        purpose = random.choices(range(1, 14), purpose_w)[0]
        if day.month == 11 and random.random() < 0.05:
            purpose = 11
        party = random.choices([1, 2, 3, 4, 5, 8, 12], [60, 15, 8, 5, 5, 4, 3])[0]
        visit(local(day, hour, random.randrange(60), random.randrange(60)), purpose,
              1 if random.random() < 0.25 else 0, party)
    for hour in range(24):  # every hour of one day, to be sure
        visit(local(dt.date(2026, 10, 14), hour, 30), 1 + hour % 8, hour % 3 == 0, 1 + hour % 4)
    # The edges of the periods: last and first second of the days around them.
    for d in ["2026-09-30", "2026-10-14", "2026-10-31", "2026-11-14", "2026-11-30"]:
        day = date(d)
        visit(local(day, 23, 59, 59), 13, 1, 3)
        visit(local(day + dt.timedelta(1)), 13, 0, 2)
    c.executemany("INSERT INTO visit(person_id, purpose, org_id, party, note, time_in, time_out,"
                  " erased, desk) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'test')", visits)
    # Bookings: on the 30-minute grid, within each room's hours, one after
    # the other with the room's buffer; never on a Sunday (closed later) or
    # the closure day.
    closing = 1200  # closing.time 20:00, set by the test before the rooms
    rooms = list(c.execute("SELECT id, name, ifnull(open_min, 480), ifnull(close_min, ?), buffer_min"
                           " FROM room", (closing,)))
    rows = []

    def booking(room, day, start, end, buffer, state, noshow, late):
        s, e = local(day) + start * 60, local(day) + end * 60
        org = random.choice(orgs)
        rows.append((room, org, s, e, e + buffer * 60, random.randrange(1, 10), state,
                     s - 300 if state == "checked_in" else None,
                     s - 3600 if state == "cancelled" and late else (s - 86400 if state == "cancelled" else None),
                     late, noshow, now, now))

    for rid, name, opens, closes, buffer in rooms:
        if name == "空闲室":
            continue
        for day in days:
            if day.isoweekday() == 7 or day in NO_BOOKINGS:
                continue
            if name == ROUNDING_ROOM and day in ROUNDING:
                for start, end, state, noshow, late in ROUNDING[day]:
                    booking(rid, day, start, end, buffer, state, noshow, late)
                continue
            t = (opens + 29) // 30 * 30
            while True:
                t += random.choice([0, 0, 30, 60, 90, 120])
                length = random.choice([30, 60, 60, 90, 120, 180, 240])
                if t + length > closes:
                    break
                state = random.choices([s for s, w in STATE_WEIGHTS], [w for s, w in STATE_WEIGHTS])[0]
                late = 1 if state == "cancelled_late" else 0
                state = "cancelled" if state == "cancelled_late" else state
                booking(rid, day, t, t + length, buffer, state, 1 if state == "released" else 0, late)
                t = (t + length + buffer + 29) // 30 * 30
    c.executemany("INSERT INTO booking(room_id, org_id, start, end, hold_end, attendees, state,"
                  " checkin_at, cancelled_at, late_cancel, noshow, created, updated)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.commit()
    print(len(visits), len(rows))


# ---- the expected report -----------------------------------------------------

def setting(c, key, default):
    r = c.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return r[0] if r else default


def permille(part, whole):
    """Tenths of a percent, rounded half up, in integers."""
    return 0 if whole == 0 else (part * 2000 + whole) // (2 * whole)


def open_days(c, frm, to):
    """The days of frm..to the centre is open: not in a closure, not on a
    closed weekday unless opened as a working day."""
    wd = {int(x) for x in setting(c, "closed.weekdays", "").replace(" ", "").split(",") if x}
    closures = list(c.execute("SELECT from_date, to_date FROM closure"))
    opened = {r[0] for r in c.execute("SELECT day FROM opening")}
    out, day = [], frm
    while day <= to:
        d = day.isoformat()
        closed = (day.isoweekday() in wd and d not in opened) or any(a <= d <= b for a, b in closures)
        if not closed:
            out.append(day)
        day += dt.timedelta(1)
    return out


def expected(path, frm, to):
    c = connect(path).cursor()
    frm, to = date(frm), date(to)
    start, end = local(frm), local(to + dt.timedelta(1))
    rows = []
    per = dict((p, (n, s)) for p, n, s in c.execute(
        "SELECT purpose, count(*), sum(party) FROM visit WHERE time_in >= ? AND time_in < ?"
        " GROUP BY purpose", (start, end)))
    for i, name in enumerate(PURPOSES, 1):
        rows.append(["来访", name, str(per.get(i, (0, 0))[0])])
    rows.append(["来访", "合计", str(sum(n for n, s in per.values()))])
    rows.append(["来访", "人数合计", str(sum(s for n, s in per.values()))])
    h, m = setting(c, "closing.time", "21:00").split(":")
    closing = int(h) * 60 + int(m)
    ndays = len(open_days(c, frm, to))
    for rid, name, opens, closes in list(c.execute(
            "SELECT id, name, ifnull(open_min, 480), ifnull(close_min, ?) FROM room ORDER BY name",
            (closing,))):
        used = c.execute("SELECT ifnull(sum(end - start), 0) / 60 FROM booking WHERE room_id = ?"
                         " AND state = 'checked_in' AND start >= ? AND start < ?",
                         (rid, start, end)).fetchone()[0]
        p = permille(used, ndays * (closes - opens))
        rows.append(["场地", name, "%d.%d" % (p // 10, p % 10)])
    teams = list(c.execute(
        "SELECT category, members, party_members, (SELECT to_state FROM team_step s"
        "  WHERE s.team_id = t.id AND s.at < ?1 ORDER BY s.at DESC, s.id DESC LIMIT 1)"
        " FROM team t WHERE created < ?1", (end,)))
    live = [t for t in teams if t[3] != 5]
    for i, name in enumerate(CATEGORIES, 1):
        rows.append(["团队", name, str(sum(1 for t in live if t[0] == i))])
    for i, name in enumerate(STATES, 1):
        rows.append(["团队", name, str(sum(1 for t in teams if t[3] == i))])
    rows.append(["团队", "合计", str(len(live))])
    rows.append(["团队", "成员合计", str(sum(t[1] for t in live))])
    rows.append(["团队", "党员合计", str(sum(t[2] for t in live))])
    kinds = dict(c.execute("SELECT kind, count(*) FROM org WHERE created < ? GROUP BY kind", (end,)))
    for i, name in enumerate(KINDS, 1):
        rows.append(["机构", name, str(kinds.get(i, 0))])
    rows.append(["机构", "合计", str(sum(kinds.values()))])
    return rows


# ---- checks ------------------------------------------------------------------

def say(good, what, *detail):
    print("\t".join(["ok" if good else "not ok", what] + [d.replace("\t", " ") for d in detail]))


def check(path, csvfile, frm, to, mode, label):
    want = expected(path, frm, to)
    raw = open(csvfile, "rb").read()
    say(raw[:3] == b"\xef\xbb\xbf", label + ": the CSV starts with a UTF-8 BOM", "first bytes: %r" % raw[:8])
    say(raw.endswith(b"\r\n") and raw.count(b"\n") == raw.count(b"\r\n") and b"\r" not in raw.replace(b"\r\n", b""),
        label + ": every line ends with CRLF", "first line: %r" % raw[:60])
    try:
        got = list(csv.reader(io.StringIO(raw[3:].decode("utf-8") if raw[:3] == b"\xef\xbb\xbf"
                                          else raw.decode("utf-8"), newline="")))
    except (UnicodeDecodeError, csv.Error) as e:
        say(False, label + ": the CSV parses as UTF-8 RFC 4180", str(e))
        return
    say(got[:1] == [["部分", "项目", "数值"]], label + ": the header row is 部分,项目,数值",
        "got: %r" % (got[:1],))
    body = got[1:]
    say(len(body) == len(want), label + ": %d rows after the header" % len(want), "got %d rows" % len(body))
    if mode == "rows":
        for i, w in enumerate(want):
            g = body[i] if i < len(body) else None
            say(g == w, "%s: row %d is %s" % (label, i + 2, ",".join(w)), "got: %s" % (",".join(g) if g else "nothing"))
        return
    for section in ["来访", "场地", "团队", "机构"]:
        idx = [i for i, w in enumerate(want) if w[0] == section]
        g = body[idx[0]:idx[-1] + 1]
        w = [want[i] for i in idx]
        bad = ["row %d: got %s, expected %s" % (idx[0] + k + 2, ",".join(g[k]) if k < len(g) else "nothing",
                                                 ",".join(w[k])) for k in range(len(w)) if k >= len(g) or g[k] != w[k]]
        say(not bad, "%s: section %s matches the SQL counts row by row (%d rows)" % (label, section, len(w)),
            *bad[:6])


def value(path, frm, to, section, item):
    for s, i, v in expected(path, frm, to):
        if s == section and i == item:
            return v


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "gen":
        gen(sys.argv[2])
    elif cmd == "check":
        check(*sys.argv[2:8])
    elif cmd == "value":
        print(value(*sys.argv[2:7]))
    elif cmd == "opendays":
        print(len(open_days(connect(sys.argv[2]).cursor(), date(sys.argv[3]), date(sys.argv[4]))))
    elif cmd == "permille":
        p = permille(int(sys.argv[2]), int(sys.argv[3]))
        print("%d.%d" % (p // 10, p % 10))
    elif cmd == "personal":
        for name, phone in connect(sys.argv[2]).execute("SELECT name, phone FROM person"):
            print(name)
            print(phone)
            print(phone[:3] + "****" + phone[-4:])
EOF

# ---- helpers -------------------------------------------------------------------

# at TIME ARGS...: hubdesk (in English) at that domain time, for building the
# world; a failure is noted in $SETUP_ERR and checked once below.
SETUP_ERR=""
at() {
	_t=$1
	shift
	if ! HUBDESK_NOW=$_t "$HUBDESK" --lang en "$@" >"$T/at.out" 2>"$T/at.err" </dev/null; then
		SETUP_ERR="$SETUP_ERR | $_t $*: $(head -c 200 "$T/at.err")"
		return 1
	fi
}

# new_team TIME NAME CATEGORY MEMBERS PARTY: applies; the team's id in $ID.
new_team() {
	ID=""
	at "$1" team apply --name "$2" --category "$3" --leader 张三 --phone 13800001111 \
		--members "$4" --party-members "$5" --content 活动 --place 活动室 --schedule 每周一
	ID=$(cut -f1 "$T/at.out")
}

# csv_check FROM TO MODE LABEL: the last stdout ($T/out) against the SQL
# counts of FROM..TO, one TAP line per check the Python side made.
csv_check() {
	_label=$4
	cp "$T/out" "$T/report.csv"
	python3 "$PY" check "$HUBDESK_DB" "$T/report.csv" "$1" "$2" "$3" "$4" >"$T/checks" 2>"$T/checker.err" ||
		echo "not ok${TAB}$4: the checker failed${TAB}$(tail -3 "$T/checker.err" | tr '\n' ' ')" >>"$T/checks"
	while IFS="$TAB" read -r _st _what _d1 _d2 _d3 _d4 _d5 _d6; do
		case $_st in
		ok) ok "$_what" ;;
		"not ok")
			set -- "$_what"
			for _d in "${_d1:-}" "${_d2:-}" "${_d3:-}" "${_d4:-}" "${_d5:-}" "${_d6:-}"; do
				[ -n "$_d" ] && set -- "$@" "$_d"
			done
			not_ok "$@"
			;;
		*) not_ok "$_label: the checker said: $_st $_what" ;;
		esac
	done <"$T/checks"
}

# report_csv LABEL FROM TO MODE OPTIONS...: runs the report as CSV and checks it.
report_csv() {
	_label=$1 _from=$2 _to=$3 _mode=$4
	shift 4
	expect_rc 0 "$_label: report --csv" "$HUBDESK" report "$@" --csv
	csv_check "$_from" "$_to" "$_mode" "$_label"
}

# want SECTION ITEM FROM TO: the expected value of one row.
want() {
	python3 "$PY" value "$HUBDESK_DB" "$3" "$4" "$1" "$2"
}

# csv_value SECTION ITEM: the value of one row of the last CSV ($T/out).
csv_value() {
	python3 - "$T/out" "$1" "$2" <<'EOF'
import csv, io, sys
raw = open(sys.argv[1], "rb").read()
if raw[:3] == b"\xef\xbb\xbf":
    raw = raw[3:]
for row in csv.reader(io.StringIO(raw.decode("utf-8", "replace"), newline="")):
    if row[:2] == [sys.argv[2], sys.argv[3]]:
        print(row[2])
        break
EOF
}

# has_number N WHAT: the last stdout shows the number N on its own.
has_number() {
	if grep -Eq "(^|[^0-9.])$1([^0-9]|\$)" "$T/out"; then
		ok "$2"
	else
		not_ok "$2: $1 is not in the text" "stdout: $(head -c 600 "$T/out")"
	fi
}

# no_personal FILE WHAT: FILE holds no visitor's name or phone, plain or masked.
no_personal() {
	if grep -Fq -f "$T/personal" "$1"; then
		not_ok "$2" "found: $(grep -Fo -f "$T/personal" "$1" | sort -u | head -5 | tr '\n' ' ')"
	else
		ok "$2"
	fi
}

# ---- the world ---------------------------------------------------------------------

at 2026-09-01T08:00:00+08:00 init
at 2026-09-01T08:00:00+08:00 config set closing.time 20:00
at 2026-09-01T08:00:00+08:00 room add --name 一号会议室 --kind 1 --capacity 12 --open 08:30 --close 20:00 --buffer 15
at 2026-09-01T08:00:00+08:00 room add --name 多功能厅 --kind 3 --capacity 80
at 2026-09-01T08:00:00+08:00 room add --name 培训室B --kind 4 --capacity 30 --open 09:00 --close 17:00
at 2026-09-01T08:00:00+08:00 room add --name 空闲室 --kind 7 --capacity 5 --open 10:00 --close 12:00
at 2026-09-01T08:00:00+08:00 room add --name 'Lab 1' --kind 2 --capacity 20 --open 07:00 --close 21:30 --buffer 30
# A name that CSV must quote (RFC 4180): a comma and double quotes.
QROOM='洽谈室"甲",乙'
if ! at 2026-09-01T08:00:00+08:00 room add --name "$QROOM" --kind 6 --capacity 6 --open 13:00 --close 18:00; then
	QROOM='洽谈室,乙'
	at 2026-09-01T08:00:00+08:00 room add --name "$QROOM" --kind 6 --capacity 6 --open 13:00 --close 18:00
fi

# Organisations: registered before, inside and after October and November,
# on the edges of the periods too. No 其他 before November.
at 2026-09-01T09:00:00+08:00 org add --name 阳光社工服务社 --kind resident
at 2026-09-15T09:00:00+08:00 org add --name 益心公益发展中心 --kind resident
at 2026-09-20T09:00:00+08:00 org add --name 绿叶环保促进会 --kind community
at 2026-10-15T09:00:00+08:00 org add --name 乐龄长者服务中心 --kind community
at 2026-10-31T23:59:59+08:00 org add --name 邻里守望互助社 --kind community
at 2026-11-01T00:00:00+08:00 org add --name 青苗儿童服务中心 --kind resident
at 2026-11-20T09:00:00+08:00 org add --name 星火读书会 --kind other
at 2026-12-01T00:00:00+08:00 org add --name 晨曦志愿者协会 --kind other
at 2026-12-03T09:00:00+08:00 org add --name 社区基金会筹备组 --kind community

# Teams, each step at its own time. End of October / end of November:
new_team 2026-09-10T09:00:00+08:00 晨练太极队 文体活动 28 6 # A: 已分类 / 已分类
A=$ID
at 2026-09-12T09:00:00+08:00 team review "$A"
at 2026-09-15T09:00:00+08:00 team file "$A" --no-print
at 2026-09-20T09:00:00+08:00 team classify "$A"
new_team 2026-09-05T09:00:00+08:00 爱心助老队 公益慈善 15 3 # B: 已备案 / 已分类
B=$ID
at 2026-09-06T09:00:00+08:00 team review "$B"
at 2026-10-10T09:00:00+08:00 team file "$B" --no-print
at 2026-11-05T09:00:00+08:00 team classify "$B"
new_team 2026-10-03T09:00:00+08:00 便民维修队 生活服务 12 0 # C: 已初审 / 已备案 (注销 in December)
C=$ID
at 2026-10-31T23:30:00+08:00 team review "$C"
at 2026-11-01T00:00:00+08:00 team file "$C" --no-print
at 2026-12-02T09:00:00+08:00 team deregister "$C" --reason 解散
new_team 2026-09-01T10:00:00+08:00 平安巡逻队 社区事务 16 8 # D: 已注销 / 已备案 (reopened)
D=$ID
at 2026-09-02T09:00:00+08:00 team review "$D"
at 2026-09-03T09:00:00+08:00 team file "$D" --no-print
at 2026-10-20T09:00:00+08:00 team deregister "$D" --reason 暂停活动
at 2026-11-10T09:00:00+08:00 team reopen "$D" --reason 恢复活动
new_team 2026-09-01T11:00:00+08:00 夕阳红合唱队 文体活动 35 9 # E: 已注销 / 已注销
E=$ID
at 2026-09-02T09:00:00+08:00 team review "$E"
at 2026-09-03T09:00:00+08:00 team file "$E" --no-print
at 2026-09-30T23:59:59+08:00 team deregister "$E" --reason 解散
new_team 2026-11-15T09:00:00+08:00 邻里议事队 其他 10 1 # F: - / 待初审
new_team 2026-12-01T09:00:00+08:00 绿色环保队 公益慈善 20 2 # G: - / -
new_team 2026-10-25T09:00:00+08:00 彩虹舞蹈队 文体活动 22 3 # H: 待初审 / 已备案
H=$ID
at 2026-11-02T09:00:00+08:00 team review "$H"
at 2026-11-30T23:59:00+08:00 team file "$H" --no-print
new_team 2026-09-20T09:00:00+08:00 育儿互助队 生活服务 14 4 # I: 已备案 / 已注销
I=$ID
at 2026-09-21T09:00:00+08:00 team review "$I"
at 2026-10-01T00:00:00+08:00 team file "$I" --no-print
at 2026-11-30T23:59:59+08:00 team deregister "$I" --reason 合并
new_team 2026-10-31T23:59:59+08:00 楼道自治队 社区事务 11 2 # J: 待初审 / 待初审
new_team 2026-11-01T00:00:00+08:00 书画研习队 文体活动 13 1 # K: - / 待初审

if [ -z "$SETUP_ERR" ]; then
	ok "the world is built through the command line"
else
	not_ok "the world is built through the command line" "$SETUP_ERR"
fi

if python3 "$PY" gen "$HUBDESK_DB" >"$T/gen" 2>&1; then
	ok "visits and bookings generated ($(cat "$T/gen"))"
else
	not_ok "visits and bookings generated" "$(tail -3 "$T/gen")"
fi
python3 "$PY" personal "$HUBDESK_DB" >"$T/personal"

# The reports are made after everything happened.
export HUBDESK_NOW=2026-12-10T09:00:00+08:00

# Self-checks of the test's own counting (not of the program): the planned
# team states, open days and rounding.
expect_eq "$(python3 - "$HUBDESK_DB" <<'EOF'
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1])
out = []
for m in (11, 12):
    end = int(time.mktime((2026, m, 1, 0, 0, 0, 0, 0, -1)))
    out.append(" ".join(str(r[0]) for r in c.execute(
        "SELECT ifnull((SELECT to_state FROM team_step s WHERE s.team_id = t.id AND s.at < ?1"
        " ORDER BY s.at DESC, s.id DESC LIMIT 1), '-') FROM team t ORDER BY id", (end,))))
print(" / ".join(out))
EOF
)" "4 3 2 5 5 - - 1 3 1 - / 4 4 3 3 5 1 - 3 5 1 1" \
	"(self-check) team_step gives the planned states at the end of October / November"
expect_eq "$(python3 "$PY" permille 30 480) $(python3 "$PY" permille 90 480) $(python3 "$PY" permille 0 480)" \
	"6.3 18.8 0.0" "(self-check) the expected percentages round half up"
[ "$(sql "SELECT count(*) FROM visit WHERE erased = 1 AND time_in >= strftime('%s', '2026-10-01', 'utc') AND time_in < strftime('%s', '2026-11-01', 'utc')")" -gt 100 ] &&
	ok "(self-check) more than 100 erased visits in October" ||
	not_ok "(self-check) more than 100 erased visits in October"
expect_eq "$(sql "SELECT count(DISTINCT CAST(strftime('%H', time_in, 'unixepoch', 'localtime') AS INTEGER)) FROM visit")" 24 \
	"(self-check) visits arrive at every hour of the day"

# ---- CSV: October, row by row ------------------------------------------------------

report_csv "October" 2026-10-01 2026-10-31 rows --month 2026-10
expect_eq "$(wc -c <"$T/err" | tr -d ' ')" 0 "October: nothing on stderr"
quoted=$(printf '%s' "$QROOM" | sed 's/"/""/g')
if grep -Fq "场地,\"$quoted\"," "$T/out"; then
	ok "the room name with a comma and quotes is quoted as RFC 4180 says"
else
	not_ok "the room name with a comma and quotes is quoted as RFC 4180 says" \
		"want: 场地,\"$quoted\",…" "got: $(grep -F '洽谈室' "$T/out")"
fi
expect_eq "$(csv_value 来访 党建活动)" 0 "a purpose nobody came for is listed with 0"
expect_eq "$(csv_value 场地 空闲室)" 0.0 "a room never used is 0.0"
expect_eq "$(csv_value 团队 专业调处) $(csv_value 机构 其他)" "0 0" "empty categories and kinds are listed with 0"
expect_eq "$(csv_value 来访 合计)" \
	"$(sql "SELECT count(*) FROM visit WHERE time_in >= strftime('%s', '2026-10-01', 'utc') AND time_in < strftime('%s', '2026-11-01', 'utc')")" \
	"October: 合计 counts every visit, erased ones too"
cp "$T/out" "$T/october.csv"
expect_rc 0 "October: report --csv in English" hd report --month 2026-10 --csv
if cmp -s "$T/out" "$T/october.csv"; then
	ok "the CSV is the same whatever the interface language"
else
	not_ok "the CSV is the same whatever the interface language" "$(diff "$T/october.csv" "$T/out" | head -5 | tr '\r' ' ')"
fi

# ---- CSV: November, a range over two months, single days ----------------------------

report_csv "November" 2026-11-01 2026-11-30 sections --month 2026-11
cp "$T/out" "$T/november.csv"
report_csv "October 15 to November 14" 2026-10-15 2026-11-14 sections --from 2026-10-15 --to 2026-11-14
report_csv "September to December" 2026-09-01 2026-12-31 sections --from 2026-09-01 --to 2026-12-31
report_csv "18 November" 2026-11-18 2026-11-18 sections --from 2026-11-18 --to 2026-11-18
expect_eq "$(csv_value 场地 培训室B)" 6.3 "30 of 480 minutes used is 6.3 (6.25 rounded half up)"
report_csv "19 November" 2026-11-19 2026-11-19 sections --from 2026-11-19 --to 2026-11-19
expect_eq "$(csv_value 场地 培训室B)" 18.8 "90 of 480 minutes used is 18.8 (18.75 rounded half up)"
report_csv "a day with nobody" 2027-03-02 2027-03-02 sections --from 2027-03-02 --to 2027-03-02
expect_eq "$(csv_value 来访 合计) $(csv_value 场地 多功能厅)" "0 0.0" "a day with no visit and no booking: 0 and 0.0"

# ---- An erased visit still counts ----------------------------------------------------

HUBDESK_NOW=2026-11-20T10:00:00+08:00 expect_rc 0 "a visitor checks in on 20 November" \
	hd visitor checkin --name 欧阳修远 --phone 13955556666 --purpose 11 --party 3 --no-print
GONE=$(cut -f1 "$T/out")
printf '欧阳修远\n13955556666\n139****6666\n' >>"$T/personal"
expect_rc 0 "November with the new visit" "$HUBDESK" report --month 2026-11 --csv
before="$(csv_value 来访 合计) $(csv_value 来访 参观调研) $(csv_value 来访 人数合计)"
expect_eq "$before" "$(want 来访 合计 2026-11-01 2026-11-30) $(want 来访 参观调研 2026-11-01 2026-11-30) $(want 来访 人数合计 2026-11-01 2026-11-30)" \
	"the new visit is counted (合计, 参观调研, 人数合计)"
expect_rc 0 "erase the visitor" hd visitor erase "$GONE"
expect_eq "$(sql "SELECT erased || ' ' || ifnull(person_id, 'null') FROM visit WHERE id = $GONE")" "1 null" \
	"the visit is erased"
expect_rc 0 "November after the erasure" "$HUBDESK" report --month 2026-11 --csv
expect_eq "$(csv_value 来访 合计) $(csv_value 来访 参观调研) $(csv_value 来访 人数合计)" "$before" \
	"the erased visit still counts, with its purpose and party"
csv_check 2026-11-01 2026-11-30 sections "November after the erasure"

# ---- Text for people ---------------------------------------------------------------------

VISITS=$(want 来访 合计 2026-11-01 2026-11-30)
PEOPLE=$(want 来访 人数合计 2026-11-01 2026-11-30)
TEAMS=$(want 团队 合计 2026-11-01 2026-11-30)
MEMBERS=$(want 团队 成员合计 2026-11-01 2026-11-30)
ORGS=$(want 机构 合计 2026-11-01 2026-11-30)
expect_rc 0 "report --month 2026-11 as text (C.UTF-8: Chinese)" "$HUBDESK" report --month 2026-11
for h in 来访 场地 团队 机构; do
	expect_out "$h" "the text has the heading $h"
done
expect_out "2026-11-01|2026年0?11月0?1日|2026年 ?11 ?月" "the text shows the period"
has_number "$VISITS" "the text shows the visits in November ($VISITS)"
has_number "$PEOPLE" "the text shows the people in November ($PEOPLE)"
has_number "$TEAMS" "the text shows the teams at the end of November ($TEAMS)"
has_number "$MEMBERS" "the text shows their members ($MEMBERS)"
expect_out "一号会议室" "the text names the rooms"
no_personal "$T/out" "the text holds no visitor's name or phone"
cp "$T/out" "$T/text.zh"
LANG= LC_ALL= expect_rc 0 "report as text with no locale set" "$HUBDESK" report --month 2026-11
if cmp -s "$T/out" "$T/text.zh"; then ok "with no locale the text is in Chinese (zh_CN is the default)"; else
	not_ok "with no locale the text is in Chinese (zh_CN is the default)" "$(head -3 "$T/out")"; fi
expect_rc 0 "report as text in English (--lang en)" hd report --month 2026-11
expect_no_out "来访" "the English text has no Chinese heading 来访"
if grep -Eiq "visit" "$T/out"; then ok "the English text speaks of visits"; else
	not_ok "the English text speaks of visits" "stdout: $(head -c 400 "$T/out")"; fi
has_number "$VISITS" "the English text shows the visits ($VISITS)"
has_number "$ORGS" "the English text shows the organisations ($ORGS)"
no_personal "$T/out" "the English text holds no visitor's name or phone"
expect_rc 0 "report as text of a range" "$HUBDESK" report --from 2026-10-15 --to 2026-11-14
expect_out "2026-10-15|2026年0?10月15日" "the range's text shows its first day"
expect_out "2026-11-14|2026年0?11月14日" "the range's text shows its last day"
has_number "$(want 来访 合计 2026-10-15 2026-11-14)" "the range's text shows its visits"
# An English locale (whether or not it is installed) gives English.
LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 expect_rc 0 "report as text under LANG=en_US.UTF-8" "$HUBDESK" report --month 2026-11
expect_no_out "来访" "under en_US.UTF-8 the text is in English"

# ---- PDF ---------------------------------------------------------------------------------

expect_rc 0 "report --pdf" "$HUBDESK" report --month 2026-11 --pdf "$T/report.pdf"
expect_eq "$(wc -c <"$T/out" | tr -d ' ')" 0 "--pdf writes nothing on stdout"
if [ -s "$T/report.pdf" ] && pdfinfo "$T/report.pdf" >"$T/pdfinfo" 2>&1; then
	ok "the PDF is a PDF (pdfinfo reads it)"
	if grep -Eq "^Page size: +595(\.[0-9]+)? x 84[12](\.[0-9]+)? pts" "$T/pdfinfo"; then
		ok "the PDF is A4 (595 x 842)"
	else
		not_ok "the PDF is A4 (595 x 842)" "$(grep -i 'page size' "$T/pdfinfo")"
	fi
	pdftotext -enc UTF-8 "$T/report.pdf" "$T/pdf.txt" 2>/dev/null
	tr -d ' \n\f' <"$T/pdf.txt" >"$T/pdf.flat"
	if grep -Eq "2026-11|2026年0?11月" "$T/pdf.flat"; then ok "the PDF's text holds the period"; else
		not_ok "the PDF's text holds the period" "text: $(head -c 300 "$T/pdf.txt")"; fi
	if grep -q "一号会议室" "$T/pdf.flat"; then ok "the PDF's text names a room"; else
		not_ok "the PDF's text names a room" "text: $(head -c 300 "$T/pdf.txt")"; fi
	if grep -q "$VISITS" "$T/pdf.flat"; then ok "the PDF's text holds the visits ($VISITS)"; else
		not_ok "the PDF's text holds the visits ($VISITS)"; fi
	no_personal "$T/pdf.txt" "the PDF holds no visitor's name or phone"
else
	not_ok "the PDF is a PDF (pdfinfo reads it)" "$(head -c 300 "$T/pdfinfo" 2>/dev/null)"
fi
expect_rc 1 "report --pdf into a folder that does not exist" "$HUBDESK" report --month 2026-11 --pdf "$T/nowhere/r.pdf"
expect_eq "$(wc -c <"$T/out" | tr -d ' ')$(ls "$T/nowhere" 2>/dev/null)" 0 "nothing on stdout, no file"
: >"$T/afile"
expect_rc 1 "report --pdf below a plain file" "$HUBDESK" report --month 2026-11 --pdf "$T/afile/r.pdf"
expect_eq "$(wc -c <"$T/afile" | tr -d ' ')" 0 "the plain file is untouched"
mkdir "$T/pdfdir"
expect_rc 1 "report --pdf onto a folder" "$HUBDESK" report --month 2026-11 --pdf "$T/pdfdir"
expect_eq "$(ls -A "$T/pdfdir" | wc -l | tr -d ' ')$(ls -A "$T" | grep -c '^pdfdir.')" 00 \
	"the folder stays empty and no file is left beside it"

# ---- Closures, a closed weekday and a working day cut the open hours ----------------------

report_csv "9 to 22 November, every day open" 2026-11-09 2026-11-22 sections --from 2026-11-09 --to 2026-11-22
open_before=$(csv_value 场地 培训室B)
at 2026-11-01T09:00:00+08:00 closure add --from 2026-11-11 --to 2026-11-11 --reason 停电检修
at 2026-11-01T09:00:00+08:00 config set closed.weekdays 7
at 2026-11-01T09:00:00+08:00 closure open 2026-11-15 --reason 调休上班
if [ -z "$SETUP_ERR" ]; then ok "a closure, closed Sundays and a working Sunday are set"; else
	not_ok "a closure, closed Sundays and a working Sunday are set" "$SETUP_ERR"; fi
expect_eq "$(python3 "$PY" opendays "$HUBDESK_DB" 2026-11-09 2026-11-22)" 12 \
	"(self-check) 9 to 22 November: 14 days less the closure and one closed Sunday"
report_csv "9 to 22 November, with closures" 2026-11-09 2026-11-22 rows --from 2026-11-09 --to 2026-11-22
used=$(sql "SELECT sum(end - start) / 60 FROM booking b JOIN room r ON r.id = b.room_id WHERE r.name = '培训室B' AND state = 'checked_in' AND start >= strftime('%s', '2026-11-09', 'utc') AND start < strftime('%s', '2026-11-23', 'utc')")
expect_eq "$open_before $(csv_value 场地 培训室B)" \
	"$(python3 "$PY" permille "$used" $((14 * 480))) $(python3 "$PY" permille "$used" $((12 * 480)))" \
	"培训室B: $used minutes used of 14 x 8 hours, then of 12 x 8 hours"
report_csv "November, with closures" 2026-11-01 2026-11-30 sections --month 2026-11
expect_rc 0 "November with closures, as text" "$HUBDESK" report --month 2026-11
expect_out "场地" "the text still has its rooms"

# ---- Bad usage: 2, a message naming the option, nothing on stdout -------------------------

# bad WHAT PATTERN ARGS...: report ARGS exits 2, stderr matches PATTERN,
# stdout is empty.
bad() {
	_what=$1 _pat=$2
	shift 2
	expect_rc 2 "$_what" hd report "$@"
	expect_err "$_pat" "$_what: the message names the option"
	expect_eq "$(wc -c <"$T/out" | tr -d ' ')" 0 "$_what: nothing on stdout"
}
BEFORE=$(db_digest)
bad "no period" "--month|--from" 
bad "month 13" "--month" --month 2026-13
bad "month 00" "--month" --month 2026-00
bad "a month without its month" "--month" --month 2026
bad "a month in words" "--month" --month 十一月
bad "an empty month" "--month" --month ''
bad "--month without a value" "--month" --month
bad "an impossible --from" "--from" --from 2026-02-30 --to 2026-03-01
bad "an impossible --to" "--to" --from 2026-11-01 --to 2026-11-31
bad "a --from with dots" "--from" --from 2026.11.01 --to 2026-11-30
bad "a --to with a time" "--to" --from 2026-11-01 --to '2026-11-30 10:00'
bad "a --from in words" "--from" --from yesterday --to 2026-11-30
bad "both --month and --from/--to" "--month|--from" --month 2026-11 --from 2026-11-01 --to 2026-11-30
bad "both --month and --to" "--month|--to" --month 2026-11 --to 2026-11-30
bad "--from without --to" "--to" --from 2026-11-01
bad "--to without --from" "--from" --to 2026-11-30
bad "--to before --from" "--to|--from" --from 2026-11-30 --to 2026-11-01
bad "--csv with --pdf" "--csv|--pdf" --month 2026-11 --csv --pdf "$T/both.pdf"
if [ -e "$T/both.pdf" ]; then not_ok "--csv with --pdf writes no file"; else ok "--csv with --pdf writes no file"; fi
bad "--pdf without a file" "--pdf" --month 2026-11 --pdf
bad "an unknown option" "--colour" --month 2026-11 --colour red
bad "--csv with a value" "--csv" --month 2026-11 --csv=yes
bad "more than ten years (4018 days)" "--from|--to" --from 2016-01-01 --to 2026-12-31
bad "3661 days" "--from|--to" --from 2017-01-01 --to 2027-01-09
expect_rc_err 2 'report: unexpected argument extra' "an argument besides the options" hd report --month 2026-11 extra
expect_eq "$(db_digest)" "$BEFORE" "bad usage wrote nothing to the database"
expect_rc 0 "3660 days (REPORT_MAX_DAYS) are allowed" "$HUBDESK" report --from 2017-01-01 --to 2027-01-08 --csv
csv_check 2017-01-01 2027-01-08 sections "ten years"
# Dates are read as everywhere (validate.h: also YYYY/MM/DD, one-digit month or day).
expect_rc 0 "--from 2026/11/1 --to 2026-11-9 (dates as the other commands read them)" \
	"$HUBDESK" report --from 2026/11/1 --to 2026-11-9 --csv
csv_check 2026-11-01 2026-11-09 sections "2026/11/1 to 2026-11-9"
expect_rc 0 "--month=2026-11 --csv (the --opt=value form)" "$HUBDESK" report --month=2026-11 --csv
csv_check 2026-11-01 2026-11-30 sections "--month=2026-11"

done_testing
