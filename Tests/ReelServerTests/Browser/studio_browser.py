"""Drives the Reel studio in Debian's headless Chromium, as a filmmaker would.

Started by StudioBrowserTests.swift: runs `reel serve PROJECT --port 0`, opens the printed URL,
goes from the storyboard to a shot, presses "2" to pick candidate 2, then "V" and "3" to vary
candidate 3 and waits for the new grid to arrive over the live event stream, then opens the
film page. Leaves a screenshot of each page in PROJECT/out/screenshots/ and a copy in
--copy-to. Prints one JSON line with what it saw; exits non-zero on any failure.
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import expect, sync_playwright


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reel", required=True)
    parser.add_argument("--project", required=True)
    parser.add_argument("--shot", default="wide")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--copy-to", default="/tmp/studio-screens")
    args = parser.parse_args()

    project = Path(args.project)
    screens = project / "out" / "screenshots"
    screens.mkdir(parents=True, exist_ok=True)
    server = subprocess.Popen(
        [args.reel, "serve", str(project), "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = None
        for line in server.stdout:
            match = re.search(r"(http://\S+\?token=[0-9a-f]+)", line)
            if match:
                url = match.group(1)
                break
        if url is None:
            raise RuntimeError("reel serve printed no URL")
        seen = drive(url, args, screens)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    Path(args.copy_to).mkdir(parents=True, exist_ok=True)
    for picture in screens.glob("*.png"):
        shutil.copy(picture, Path(args.copy_to) / picture.name)
    print(json.dumps(seen))
    return 0


def settle(page):
    """Waits until every image on the page has loaded and fails if one is broken. (Playwright's
    wait_for_function evaluates strings, which the studio's CSP rightly forbids.)"""
    for image in page.locator("img").all():
        expect(image).to_have_js_property("complete", True)
    broken = page.evaluate("() => Array.from(document.images).filter(i => i.naturalWidth === 0).length")
    if broken:
        raise AssertionError(f"{broken} image(s) failed to load on {page.url}")


def drive(url, args, screens):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=args.chromium, headless=True, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        # Content-Security-Policy violations and failed loads show up as console errors.
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)

        page.goto(url)
        expect(page.locator(".card")).to_have_count(3)
        expect(page.locator(".card img").first).to_be_visible()
        settle(page)
        page.screenshot(path=str(screens / "storyboard.png"), full_page=True)
        token_in_address = "token=" in page.url

        page.locator(f".card[data-shot='{args.shot}']").click()
        page.wait_for_url(f"**/shots/{args.shot}")
        takes = page.locator(".take")
        expect(takes.first).to_be_visible()
        takes_before = takes.count()

        page.keyboard.press("2")
        expect(page.locator(".take.sel .cand.picked[data-candidate='2']")).to_be_visible()

        page.keyboard.press("v")
        expect(page.locator(".take.pending")).to_be_visible()
        page.keyboard.press("3")
        expect(takes).to_have_count(takes_before + 1, timeout=60_000)
        settle(page)
        page.screenshot(path=str(screens / "shot.png"), full_page=True)

        page.goto(url.split("?")[0].rstrip("/") + "/cast")
        cards = page.locator(".cast-card")
        expect(cards).to_have_count(2)
        cards.first.get_by_role("button").click()
        expect(cards.first.locator("img")).to_be_visible(timeout=60_000)
        expect(cards.first.locator(".pill")).to_have_text("picked")
        settle(page)
        page.screenshot(path=str(screens / "cast.png"), full_page=True)
        cards.first.locator("a.sheet").click()
        page.wait_for_url("**/shots/%40mira")
        expect(page.locator(".take .cand")).to_have_count(4)

        page.goto(url.split("?")[0].rstrip("/") + "/film")
        expect(page.locator("video")).to_be_visible()
        settle(page)
        page.screenshot(path=str(screens / "film.png"), full_page=True)
        video_ok = page.evaluate(
            "async () => (await fetch(document.querySelector('video').src, {headers: {Range: 'bytes=0-99'}})).status")
        browser.close()
        return {
            "takes_before": takes_before, "takes_after": takes_before + 1, "errors": errors,
            "token_in_address": token_in_address, "video_range_status": video_ok,
        }


if __name__ == "__main__":
    sys.exit(main())
