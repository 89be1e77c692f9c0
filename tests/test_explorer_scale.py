"""The operations explorer holds a teacher's file of 10,000 events: each event's text reaches the browser
once, compactly, well under 5 MB. (Times are benchmarks, in benchmarks/scale.py, never unit tests.)"""

import sys

from hemisphere import combine_events, load_events
from hemisphere.widgets.operations_explorer import OperationsExplorer
from generated_events import write_generated_events
from support import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from scale import GOAL, sent_bytes  # noqa: E402


def test_ten_thousand_events_send_under_five_megabytes_and_grow_less_than_in_proportion(tmp_path):
    pack = OperationsExplorer()
    events = combine_events(load_events(write_generated_events(tmp_path / "generated.csv", 9_930)))
    large = OperationsExplorer(events)
    try:
        assert len(large.visible_ids) == 10_000
        assert sent_bytes(large) < GOAL["sent_bytes"]
        # 143 times the events for less than 5 times the bytes: the map and its shapes travel once.
        assert sent_bytes(large) < 5 * sent_bytes(pack)
        large.go_to(9_999)
        assert large.current_id == large.visible_ids[-1] and large.panel_text().startswith(large.events.iloc[-1].date_text)
    finally:
        pack.close()
        large.close()
