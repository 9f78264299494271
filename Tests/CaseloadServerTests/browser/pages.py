"""Drives Caseload's web pages in a real browser (Debian's chromium and chromium-driver, PyPI
selenium) as a SENCO, a specialist and a trust leader would, and checks every page with axe-core
(PyPI axe-selenium-python): no serious or critical accessibility violations.

Usage: pages.py BASE_URL SENCO_TOKEN SPECIALIST_TOKEN LEADER_TOKEN [SCREENSHOT_DIR]
Prints one line per step; exits 1 on the first failure, saying what was expected.
"""
import os
import sys

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
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
    WebDriverWait(driver, 90).until(expected_conditions.staleness_of(old))
    WebDriverWait(driver, 90).until(lambda d: until in d.current_url and d.execute_script("return document.readyState") == "complete")


def accessible(driver, name):
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    detail = "; ".join("%s (%s): %s" % (v["id"], v["impact"], v["nodes"][0]["target"]) for v in bad)
    expect(not bad, "%s has no serious or critical accessibility violations %s" % (name, detail))
    if SHOTS:
        for width, height, kind in [(1280, 900, "desktop"), (390, 844, "phone")]:
            driver.set_window_size(width, height)
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
    driver.find_element(By.ID, "pupil_ref").send_keys("WEB-2026-1")
    driver.find_element(By.ID, "year_group").send_keys("5")
    Select(driver.find_element(By.ID, "service")).select_by_value("SALT")
    Select(driver.find_element(By.ID, "area")).select_by_value("communication_interaction")
    driver.find_element(By.ID, "severity").send_keys("4")
    driver.find_element(By.ID, "apdr_cycles").send_keys("2")
    driver.find_element(By.ID, "flag-ehc_plan").click()
    driver.find_element(By.ID, "consent").click()
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form.stack button"), "?new=1")
    page = driver.find_element(By.TAG_NAME, "main").text
    expect("Accepted" in page and "Likely first visit" in page and "the week of" in page, "the decision, the place and the likely first week show at once")
    accessible(driver, "senco-decision")
    number = driver.current_url.split("/referrals/")[1].split("?")[0]
    driver.find_element(By.ID, "note-withdraw").send_keys("no longer needed")
    submit(driver, driver.find_element(By.XPATH, "//button[contains(., 'Withdraw')]"), "/referrals/")
    expect("withdrawn" in driver.find_element(By.CSS_SELECTOR, "dl.facts").text, "referral %s is withdrawn" % number)
    driver.get(BASE + "/visits?week=2026-11-30")
    expect("Mon 30 Nov" in driver.find_element(By.TAG_NAME, "main").text, "the school's visits show day by day")
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
    for select in selects:
        Select(select).select_by_value("delivered")
    submit(driver, monday.find_element(By.TAG_NAME, "button"), "recorded=")
    expect("Saved: %d outcome" % len(selects) in driver.find_element(By.TAG_NAME, "main").text, "the day's %d outcomes are saved" % len(selects))


def leader(driver):
    sign_in(driver, LEADER)
    expect("/waiting-list" in driver.current_url, "a leader lands on the waiting list")
    accessible(driver, "leader-waiting-list")
    driver.get(BASE + "/weeks?week=2026-12-07")
    submit(driver, driver.find_element(By.XPATH, "//button[contains(., 'Plan this week')]"), "done=planned")
    expect("A draft" in driver.find_element(By.TAG_NAME, "main").text, "the week is planned as a draft to review")
    accessible(driver, "leader-week")
    submit(driver, driver.find_element(By.XPATH, "//button[contains(., 'Publish this week')]"), "done=published")
    expect("Published:" in driver.find_element(By.TAG_NAME, "main").text, "the week is published")


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
