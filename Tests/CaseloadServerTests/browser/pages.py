"""Drives Caseload's web pages in a real browser (Debian's chromium and chromium-driver, PyPI
selenium) as a SENCO, a specialist and a trust leader would, and checks every page with axe-core
(PyPI axe-selenium-python): no serious or critical accessibility violations.

Usage: pages.py BASE_URL SENCO_TOKEN SPECIALIST_TOKEN LEADER_TOKEN [SCREENSHOT_DIR]
Prints one line per step; exits 1 on the first failure, saying what was expected.
"""
import os
import sys
import time
import urllib.request

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE, SENCO, SPECIALIST, LEADER = sys.argv[1:5]
SHOTS = sys.argv[5] if len(sys.argv) > 5 else None


def browser():
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def expect(condition, what):
    if not condition:
        print("FAILED: " + what)
        sys.exit(1)
    print("ok: " + what)


def submit(driver, button, until):
    """Clicks `button` and waits for the page the form leads to (its address holds `until`)."""
    old = driver.find_element(By.TAG_NAME, "html")
    button.click()
    print("sent a form, waiting for " + until)
    # While chromium swaps the document in, any call may fail with an "unknown error" (a
    # WebDriverException); the waits treat that as "not yet".
    wait = WebDriverWait(driver, 90, ignored_exceptions=[WebDriverException])
    wait.until(expected_conditions.staleness_of(old))
    wait.until(lambda d: until in d.current_url and d.execute_script("return document.readyState") == "complete")


def settled(read):
    """`read()`, tried again while chromium is still swapping the document in after a redirect
    (it then answers "Node with given id does not belong to the document")."""
    for attempt in range(10):
        try:
            return read()
        except WebDriverException:
            if attempt == 9:
                raise
            time.sleep(0.3)


def main_text(driver):
    return settled(lambda: driver.find_element(By.TAG_NAME, "main").text)


def accessible(driver, name):
    axe = Axe(driver)
    settled(axe.inject)
    results = settled(axe.run)
    bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    detail = "; ".join("%s (%s): %s" % (v["id"], v["impact"], v["nodes"][0]["target"]) for v in bad)
    expect(not bad, "%s has no serious or critical accessibility violations %s" % (name, detail))
    driver.set_window_size(390, 844)
    wide = settled(lambda: driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth, "
        "Array.from(document.querySelectorAll('main *')).filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
        ".slice(0, 3).map(e => e.tagName + '.' + e.className + '#' + e.id)]"))
    expect(wide[0] <= wide[1], "%s is no wider than a 390 px phone (%d px in %d) %s" % (name, wide[0], wide[1], wide[2]))
    driver.set_window_size(1280, 900)
    if SHOTS:
        for width, height, kind in [(1280, 900, "desktop"), (390, 844, "phone")]:
            driver.set_window_size(width, height)
            driver.execute_script("window.scrollTo(0, 0)")
            driver.save_screenshot(os.path.join(SHOTS, "%s-%s.png" % (name, kind)))
        driver.set_window_size(1280, 900)


def sign_in(driver, token):
    driver.get(BASE + "/")
    expect("/signin" in driver.current_url, "a visitor is sent to the sign-in page")
    accessible(driver, "signin")
    driver.find_element(By.ID, "token").send_keys(token)
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form.stack button"), "/")


def senco(driver):
    sign_in(driver, SENCO)
    expect(driver.current_url.endswith("/referrals"), "a SENCO lands on the school's referrals")
    accessible(driver, "senco-referrals")
    driver.get(BASE + "/referrals/new")
    accessible(driver, "senco-request")
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form.stack button"), "/referrals")  # nothing filled in
    summary = settled(lambda: driver.find_element(By.CSS_SELECTOR, ".error-summary").text)
    expect("There is a problem" in summary and "Choose the pupil's year group" in summary and "Choose yes or no" in summary,
           "every problem shows at once in a summary: %s" % summary)
    expect(len(driver.find_elements(By.CSS_SELECTOR, ".error-summary a[href='#consent-yes']")) == 1, "each problem links to its field")
    expect(driver.find_element(By.ID, "pupil_ref").get_attribute("aria-invalid") == "true", "a field at fault is marked invalid")
    accessible(driver, "senco-request-problems")
    driver.find_element(By.ID, "pupil_ref").send_keys("WEB-2026-1")
    Select(driver.find_element(By.ID, "year_group")).select_by_value("5")
    Select(driver.find_element(By.ID, "service")).select_by_value("SALT")
    Select(driver.find_element(By.ID, "area")).select_by_value("communication_interaction")
    driver.find_element(By.ID, "severity-4").click()
    driver.find_element(By.ID, "apdr_cycles").send_keys("2")
    driver.find_element(By.ID, "flag-ehc_plan").click()
    driver.find_element(By.ID, "consent-yes").click()
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form.stack button"), "?new=1")
    page = main_text(driver)
    expect("Accepted" in page and "Likely first visit" in page and "the week of" in page, "the decision, the place and the likely first week show at once")
    accessible(driver, "senco-decision")
    number = driver.current_url.split("/referrals/")[1].split("?")[0]
    driver.find_element(By.ID, "note-withdraw").send_keys("no longer needed")
    submit(driver, driver.find_element(By.XPATH, "//button[contains(., 'Withdraw')]"), "/withdraw")
    expect("cannot be undone" in main_text(driver), "withdrawing asks first")
    accessible(driver, "senco-withdraw-confirm")
    submit(driver, driver.find_element(By.XPATH, "//button[contains(., 'Yes, withdraw it')]"), "done=withdraw")
    expect("Withdrawn:" in main_text(driver), "a notice says what the change did")
    expect("withdrawn" in settled(lambda: driver.find_element(By.CSS_SELECTOR, "dl.facts").text), "referral %s is withdrawn" % number)
    driver.get(BASE + "/referrals?status=withdrawn&pupil=WEB-2026")
    expect("WEB-2026-1" in main_text(driver) and "1 to 1 of 1" in main_text(driver), "the list filters by status and finds a pupil reference")
    accessible(driver, "senco-referrals-filtered")
    driver.get(BASE + "/visits?week=2026-11-30")
    expect("Mon 30 Nov" in main_text(driver), "the school's visits show day by day")
    accessible(driver, "senco-visits")
    submit(driver, driver.find_element(By.XPATH, "//button[contains(., 'Sign out')]"), "/signin")
    expect("/signin" in driver.current_url, "signing out returns to the sign-in page")


def specialist(driver):
    sign_in(driver, SPECIALIST)
    driver.get(BASE + "/my-week?week=2026-11-30")
    accessible(driver, "specialist-week")
    monday = driver.find_elements(By.CSS_SELECTOR, "form[action='/my-week/outcomes']")[0]
    selects = monday.find_elements(By.TAG_NAME, "select")
    expect(len(selects) > 0, "Monday's sessions can be recorded in one form")
    Select(selects[0]).select_by_value("pupil_absent")  # the one exception; the rest in one click
    monday.find_elements(By.CSS_SELECTOR, "input[name^='note[']")[0].send_keys("left early for a dental appointment")
    submit(driver, monday.find_element(By.XPATH, ".//button[contains(., 'All delivered')]"), "recorded=")
    expect("Saved: %d outcome" % len(selects) in main_text(driver), "the day's %d outcomes are saved at once" % len(selects))
    expect(driver.find_elements(By.CSS_SELECTOR, "input[name^='note[']")[0].get_attribute("value") == "left early for a dental appointment",
           "the session's note is kept")
    expect("Travel to" in main_text(driver), "the week shows the journeys between schools")
    for field, value in [("away-from", "2026-12-10"), ("away-to", "2026-12-10")]:
        driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, field), value)
    driver.find_element(By.ID, "away-why").send_keys("training course")
    submit(driver, driver.find_element(By.XPATH, "//button[contains(., 'Report the absence')]"), "absent=")
    expect("Absence recorded" in main_text(driver), "an absence is reported from the week's page")
    submit(driver, driver.find_element(By.XPATH, "//button[contains(., 'Make a new calendar address')]"), "/my-week/calendar")
    address = driver.execute_script("return document.getElementById('address').value")
    accessible(driver, "specialist-calendar")
    with urllib.request.urlopen(address) as answer:
        text = answer.read().decode()
    expect(text.startswith("BEGIN:VCALENDAR") and "salt-3" in text, "the calendar address serves the specialist's week")


def change_threshold(driver, old, new):
    """Edits the settings text as a leader would, and asks for the preview."""
    driver.get(BASE + "/settings")
    box = driver.find_element(By.ID, "yaml")
    driver.execute_script("arguments[0].value = arguments[0].value.replace(arguments[1], arguments[2])", box, old, new)
    submit(driver, driver.find_element(By.XPATH, "//form[@action='/settings/preview']//button"), "/settings/preview")


def stale_draft_is_planned_again(driver):
    """A leader's override after planning makes the draft stale: the week page says what changed
    and offers no Publish until the week is planned again."""
    driver.get(BASE + "/referrals?status=waiting")
    link = driver.find_element(By.CSS_SELECTOR, "main table a[href^='/referrals/']")
    driver.get(link.get_attribute("href"))
    driver.find_element(By.ID, "override-reason").send_keys("safeguarding concern raised by the school")
    submit(driver, driver.find_element(By.XPATH, "//button[contains(., 'Put it first')]"), "done=override")
    driver.get(BASE + "/weeks?week=2026-12-07")
    page = main_text(driver)
    expect("This draft is out of date" in page and "put referral" in page, "the stale draft says so, and what changed, before Publish")
    expect(not driver.find_elements(By.XPATH, "//button[contains(., 'Publish this week')]"), "a stale draft has no Publish button")
    accessible(driver, "leader-week-stale")
    submit(driver, driver.find_element(By.XPATH, "//button[contains(., 'Plan it again')]"), "done=planned")
    expect("This draft is out of date" not in main_text(driver), "planned again, the draft is current")


def absence_flags_the_published_week(driver):
    """An absence reported after publishing flags the published week on the leader's home page,
    with the way to re-plan it."""
    driver.get(BASE + "/my-week?specialist=salt-3&week=2026-12-07")
    for field, value in [("away-from", "2026-12-08"), ("away-to", "2026-12-11")]:
        driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, field), value)
    driver.find_element(By.ID, "away-why").send_keys("sick")
    submit(driver, driver.find_element(By.XPATH, "//button[contains(., 'Report the absence')]"), "absent=")
    driver.get(BASE + "/waiting-list")
    page = main_text(driver)
    expect("Published weeks to re-plan" in page and "absence" in page, "the published week the absence touched is flagged on the home page")
    expect(driver.find_elements(By.CSS_SELECTOR, "a[href='/weeks?week=2026-12-07']"), "with a link to re-plan it")
    accessible(driver, "leader-touched-week")


def leader(driver):
    sign_in(driver, LEADER)
    expect("/waiting-list" in driver.current_url, "a leader lands on the waiting list")
    accessible(driver, "leader-waiting-list")
    driver.get(BASE + "/settings")
    accessible(driver, "leader-settings")
    field = driver.find_element(By.ID, "threshold-SALT")
    field.clear()
    field.send_keys("35")
    submit(driver, driver.find_element(By.XPATH, "//button[contains(., 'Preview these numbers')]"), "/settings/fields")
    expect("25 now, 35 after" in main_text(driver), "a threshold changed in its form field is previewed")
    change_threshold(driver, "threshold: 25\n    apdr_cycles: 1", "threshold: 35\n    apdr_cycles: 1")
    page = main_text(driver)
    expect("25 now, 35 after" in page and "Would be declined if referred today" in page, "the preview shows what the new threshold does")
    accessible(driver, "leader-settings-preview")
    driver.execute_script("document.getElementById('weeks').value = '1'")
    submit(driver, driver.find_element(By.XPATH, "//button[contains(., 'Run a what-if')]"), "/tasks/")
    accessible(driver, "leader-task")  # the what-if's page while it runs (or its result, if it was quick)
    WebDriverWait(driver, 90, ignored_exceptions=[WebDriverException]).until(lambda d: "Nothing was changed" in main_text(d))
    expect("What if" in settled(lambda: driver.find_element(By.TAG_NAME, "h1").text), "a what-if runs under the proposed settings")
    accessible(driver, "leader-what-if")
    change_threshold(driver, "threshold: 25\n    apdr_cycles: 1", "threshold: 35\n    apdr_cycles: 1")
    submit(driver, driver.find_element(By.XPATH, "//button[contains(., 'Save these settings')]"), "done=saved")
    expect("threshold: 35" in driver.execute_script("return document.getElementById('yaml').value"), "the new threshold is saved")
    driver.get(BASE + "/weeks?week=2026-12-07")
    submit(driver, driver.find_element(By.XPATH, "//button[contains(., 'Plan this week')]"), "done=planned")
    expect("A draft" in main_text(driver), "the week is planned as a draft to review")
    accessible(driver, "leader-week")
    stale_draft_is_planned_again(driver)
    submit(driver, driver.find_element(By.XPATH, "//button[contains(., 'Publish this week')]"), "done=published")
    expect("Published:" in main_text(driver), "the week is published")
    absence_flags_the_published_week(driver)
    driver.get(BASE + "/term")
    expect("By service" in main_text(driver) and "Fair share" in main_text(driver), "the term at a glance shows services and schools")
    accessible(driver, "leader-term")
    driver.get(BASE + "/audit")
    expect("publish" in main_text(driver), "the audit log shows the publication")
    accessible(driver, "leader-audit")
    driver.get(BASE + "/people")
    accessible(driver, "leader-people")
    driver.find_element(By.ID, "name").send_keys("Jane Smith")
    driver.find_element(By.ID, "email").send_keys("jane.smith@havant.example")
    driver.find_element(By.ID, "roles").send_keys("senco:136156; senco:136281")
    submit(driver, driver.find_element(By.XPATH, "//button[contains(., 'Add this person')]"), "done=added")
    page = main_text(driver)
    expect("Added." in page and "SENCO, " in page and "Not signed in yet" in page, "a leader adds a SENCO of two schools")
    submit(driver, driver.find_element(By.XPATH, "//button[contains(., 'Switch off Jane Smith')]"), "done=off")
    expect("Switched off:" in main_text(driver) and "Switched off" in main_text(driver), "and switches her off")
    driver.get(BASE + "/messages")
    expect("Latest messages" in main_text(driver), "the leaders' view of the outbox")
    accessible(driver, "leader-messages")
    driver.get(BASE + "/jobs")
    expect("Scheduled jobs" in driver.find_element(By.TAG_NAME, "h1").text, "the leaders' view of the scheduled jobs")
    accessible(driver, "leader-jobs")


for role in (senco, specialist, leader):
    driver = browser()
    try:
        role(driver)
    except Exception as error:  # say where it stopped, and what the page said
        print("FAILED in %s at %s: %s" % (role.__name__, driver.current_url, str(error).splitlines()[0] if str(error) else type(error).__name__))
        print(driver.find_element(By.TAG_NAME, "body").text[:800])
        sys.exit(1)
    finally:
        driver.quit()
print("all steps passed")
