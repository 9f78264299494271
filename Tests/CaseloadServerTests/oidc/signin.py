"""Signs in to Caseload through a real OpenID Connect provider (provider.py) in headless
chromium, as a school's SENCO, a stranger and a specialist would.

Usage: signin.py BASE_URL LEADER_KEY SPECIALIST_PERSON_ID OWN_SCHOOL_NAME OTHER_URN OTHER_SCHOOL_NAME
Prints one line per step and, on success, "session=VALUE" (the SENCO's session cookie, which
the test then uses against a restarted server) and "all steps passed"; exits 1 on the first
failure, saying what was expected.
"""
import json
import sys
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BASE, LEADER, SPECIALIST_ID, OWN_SCHOOL, OTHER_URN, OTHER_SCHOOL = sys.argv[1:7]
PASSWORD = "correct horse"


def browser():
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def expect(condition, what):
    if not condition:
        print("FAILED: " + what, flush=True)
        sys.exit(1)
    print("ok: " + what, flush=True)


def wait_for(driver, test, what):
    try:
        WebDriverWait(driver, 60, ignored_exceptions=[WebDriverException]).until(lambda d: test(d))
    except Exception:
        expect(False, what + " (at " + driver.current_url + ": " + driver.find_element(By.TAG_NAME, "body").text[:400] + ")")


def sign_in(driver, username, start="/referrals"):
    """Opens a page, is sent to Caseload's sign-in, goes on to the provider and signs in there."""
    driver.get(BASE + start)
    wait_for(driver, lambda d: "/signin" in d.current_url, "a page asks to sign in first")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Sign in with").click()
    wait_for(driver, lambda d: "/accounts/login" in d.current_url, "the provider's own sign-in form")
    driver.find_element(By.NAME, "username").send_keys(username)
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    driver.find_element(By.ID, "provider-sign-in").click()
    wait_for(driver, lambda d: d.current_url.startswith(BASE) and d.execute_script("return document.readyState") == "complete", "back at Caseload")


def senco():
    driver = browser()
    try:
        sign_in(driver, "jane")
        wait_for(driver, lambda d: d.current_url.startswith(BASE + "/referrals"), "the SENCO lands on her school's referrals")
        header = driver.find_element(By.CSS_SELECTOR, "header.site").text
        expect("Signed in as Jane Smith, SENCO, " + OWN_SCHOOL in header, "the header names her, her role and her school: " + header)
        driver.get(BASE + "/referrals?school=" + OTHER_URN)
        main = driver.find_element(By.TAG_NAME, "main").text
        expect("Jane Smith" in driver.page_source and OTHER_SCHOOL not in main and "<td" not in driver.page_source,
               "another school's list is not hers to see")
        cookie = driver.get_cookie("caseload_session")
        expect(cookie is not None and cookie.get("httpOnly") and cookie.get("sameSite") == "Lax", "the session cookie is HttpOnly, SameSite=Lax")
        print("session=" + cookie["value"], flush=True)
    finally:
        driver.quit()


def stranger():
    driver = browser()
    try:
        sign_in(driver, "stray")
        body = driver.find_element(By.TAG_NAME, "body").text
        expect("/signin" in driver.current_url or "Ask a trust leader to add you" in body, "an account Caseload does not know is refused")
        expect("Ask a trust leader to add you" in body, "the refusal says whom to ask: " + body[:300])
        expect(driver.get_cookie("caseload_session") is None or "Sign out" not in body, "and nobody is signed in")
    finally:
        driver.quit()


def switched_off_specialist():
    driver = browser()
    try:
        sign_in(driver, "sam", start="/my-week")
        wait_for(driver, lambda d: "/my-week" in d.current_url, "the specialist lands on their week")
        expect("Signed in as Sam Okafor, specialist" in driver.find_element(By.CSS_SELECTOR, "header.site").text, "the header names him")
        request = urllib.request.Request(
            BASE + "/v1/people/" + SPECIALIST_ID, method="PATCH", data=json.dumps({"switched_off": True}).encode(),
            headers={"Authorization": "Bearer " + LEADER, "Content-Type": "application/json"})
        answer = json.load(urllib.request.urlopen(request))
        expect(answer["switched_off"] is True, "a leader switches him off through the API")
        driver.find_element(By.LINK_TEXT, "My week").click()
        wait_for(driver, lambda d: "/signin" in d.current_url, "his next click asks him to sign in again")
    finally:
        driver.quit()


senco()
stranger()
switched_off_specialist()
print("all steps passed", flush=True)
