"""A libtorrent peer for Reelgate's BitTorrent tests, run with Debian's /usr/bin/python3 (python3-libtorrent).

usage: libtorrent_client.py TORRENT SAVE_DIR LISTEN_PORT TIMEOUT_SECONDS [seed]

Downloads TORRENT into SAVE_DIR and exits 0 once it has every piece (prints "complete"), or 1 at the timeout. With "seed" it checks the files already in SAVE_DIR and then stays
up, seeding, until it is killed. Loopback only: DHT, local discovery, UPnP and NAT-PMP are off, and so is
ssrf_mitigation, without which libtorrent refuses web seeds on local addresses.
"""
import sys
import time

import libtorrent as lt

torrent, save_dir, port, timeout = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
seed = len(sys.argv) > 5 and sys.argv[5] == "seed"

session = lt.session({
    "listen_interfaces": "127.0.0.1:%d" % port,
    "enable_dht": False,
    "enable_lsd": False,
    "enable_upnp": False,
    "enable_natpmp": False,
    "ssrf_mitigation": False,
    "allow_multiple_connections_per_ip": True,
    "announce_to_all_tiers": True,
    "alert_mask": lt.alert.category_t.error_notification | lt.alert.category_t.tracker_notification,
})
handle = session.add_torrent({"ti": lt.torrent_info(torrent), "save_path": save_dir})
deadline = time.time() + timeout
while True:
    status = handle.status()
    for alert in session.pop_alerts():
        print("alert:", alert.message(), flush=True)
    if seed:
        if status.is_seeding:
            print("seeding", flush=True)
            handle.force_reannounce()
            while True:
                time.sleep(1)
                for alert in session.pop_alerts():
                    print("alert:", alert.message(), flush=True)
    elif status.is_seeding or status.is_finished:
        print("complete", flush=True)
        break
    if time.time() > deadline:
        print("timeout state=%s progress=%.3f" % (status.state, status.progress), flush=True)
        sys.exit(1)
    time.sleep(0.2)
sys.exit(0)
