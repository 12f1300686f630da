#!/usr/bin/python3
"""GUI start-up (issue #18: "GUI window painted ≤ 0.5 s after launch, warm cache"): launches
`distilbench` under a display (Xvfb :99 is started when DISPLAY is unset) and polls with xdotool
for its windows: the launcher's window (painted before LibTorch loads) and the main window that
replaces it once the GUI module is in. Medians over --runs launches after one warm-up launch.

    packaging/bench/gui_startup.py [--exe build/app/distilbench] [--runs 7]

Needs Xvfb and xdotool (Debian packages xvfb, xdotool). The launch time includes the polling
interval (3 ms) and xdotool's own start (a few ms).
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def visible_windows(env):
    r = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "DistilBench"], env=env,
                       capture_output=True, text=True)
    return r.stdout.split()


def launch(exe, env, timeout=30):
    t0 = time.perf_counter()
    p = subprocess.Popen([exe], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    first = first_id = main = None
    try:
        while time.perf_counter() - t0 < timeout and p.poll() is None:
            ids = visible_windows(env)
            now = time.perf_counter() - t0
            if ids and first is None:
                first, first_id = now, ids[0]
            if first_id is not None and any(i != first_id for i in ids):
                main = now
                break
            time.sleep(0.003)
    finally:
        p.terminate()
        p.wait()
    return first, main


def main():
    a = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    a.add_argument("--exe", default=os.path.join(ROOT, "build", "app", "distilbench"))
    a.add_argument("--runs", type=int, default=7)
    args = a.parse_args()
    for tool in ("xdotool",):
        if not shutil.which(tool):
            sys.exit(f"gui_startup: {tool} is missing (apt-get install {tool})")
    env = dict(os.environ, DISTILBENCH_KEYCHAIN="0")
    # A settings folder of its own: no model from Open Recent is opened at start.
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="distilbench-startup-")
    xvfb = None
    if not env.get("DISPLAY"):
        env["DISPLAY"] = ":99"
        xvfb = subprocess.Popen(["Xvfb", ":99", "-screen", "0", "1600x1000x24"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(1)
    try:
        launch(args.exe, env)  # warm-up: file cache, font cache
        firsts, mains = [], []
        for _ in range(args.runs):
            first, main_ = launch(args.exe, env)
            if first is not None: firsts.append(first)
            if main_ is not None: mains.append(main_)
            time.sleep(0.3)
        print(f"launch -> first window visible: median {statistics.median(firsts) * 1000:.0f} ms "
              f"({len(firsts)} runs); -> main window visible: median "
              f"{statistics.median(mains) * 1000:.0f} ms ({len(mains)} runs)")
    finally:
        if xvfb: xvfb.terminate()
        shutil.rmtree(env["XDG_CONFIG_HOME"], ignore_errors=True)


if __name__ == "__main__":
    main()
