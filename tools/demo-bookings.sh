#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# demo-bookings.sh DB - a few bookings on the demo data of `make run`, so
# that the room grid has something to show: tomorrow's meetings and rehearsals
# and a weekly choir series. Dates follow the machine's clock; a booking a
# rule refuses (a closed weekday, say) is simply left out.
set -u

db=$1
hd() { ./hubdesk --db "$db" "$@" --no-print >/dev/null 2>&1 || true; }

day=$(date -d tomorrow +%F)
until=$(date -d '+4 weeks' +%F)
hd booking add --room 3 --org 1 --start "$day 09:00" --end "$day 11:00" --attendees 8 --purpose 理事会
hd booking add --room 1 --team 3 --start "$day 14:00" --end "$day 16:00" --attendees 30 --purpose 排练
hd booking add --room 4 --org 2 --start "$day 10:00" --end "$day 12:00" --attendees 20 --purpose 志愿者培训
hd booking add --room 5 --team 1 --start "$day 18:30" --end "$day 20:00" --attendees 25 --purpose 合唱 \
	--weekly-until "$until" --skip-conflicts
