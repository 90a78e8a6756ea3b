"""The line-and-marker grammar on the forms real requests take (issue 16): texts written for these tests."""

from __future__ import annotations

from datetime import date

from foidesk.core.parsing import ParsedRequest, parse_request

RECEIVED = date(2023, 5, 10)


def labels(parsed: ParsedRequest) -> list[str]:
    return [part.label for part in parsed.parts]


def spans(parsed: ParsedRequest) -> list[list[tuple[str, str]]]:
    return [[(p.start.isoformat(), p.end.isoformat()) for p in part.date_ranges] for part in parsed.parts]


def test_inline_bullets_on_one_line_are_one_part_each() -> None:
    parsed = parse_request(
        "Please provide for 2022: * the number of stop and searches * the number that led to an arrest "
        "* the number of complaints about them",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2", "Q3"]
    assert parsed.parts[1].text.startswith("the number that led to an arrest")
    assert spans(parsed) == [[("2022-01-01", "2022-12-31")]] * 3
    assert {part.why for part in parsed.parts} == {"bullet on one line"}


def test_inline_numbers_on_one_line_are_one_part_each() -> None:
    parsed = parse_request(
        "1) How many fixed penalty notices were issued in 2022? 2) How many were paid? 3) How many "
        "went to court?",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2", "Q3"]
    assert parsed.parts[2].text == "How many went to court?"
    assert parsed.parts[1].why == "numbered 2)"


def test_a_number_inside_a_sentence_is_no_marker() -> None:
    parsed = parse_request("What did items 2. and 3. of the contract cost in 2022?", RECEIVED)
    assert labels(parsed) == ["Q1"]


def test_question_headings_on_their_own_line_head_the_question_below() -> None:
    parsed = parse_request(
        "Question 1\nHow many drones does the force own?\n\nQuestion 2\nHow much did they cost in 2022?\n\n"
        "Q3:\nWho supplied them?",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2", "Q3"]
    assert parsed.parts[1].text == "How much did they cost in 2022?"
    assert parsed.parts[0].why == "Q heading"


def test_request_headings_each_over_one_question_are_that_many_questions() -> None:
    parsed = parse_request(
        "Request 1\nHow many Tasers were discharged in 2022?\nRequest 2\nHow many complaints about "
        "Taser use were made in 2022?",
        RECEIVED,
    )
    assert labels(parsed) == ["Request 1, Q1", "Request 2, Q1"]
    assert parsed.parts[1].text.startswith("How many complaints")


def test_sub_items_numbered_1a_belong_to_their_parent_question() -> None:
    parsed = parse_request(
        "1. How many complaints were received in 2022?\n1a. How many were upheld?\n1b. How many were "
        "about officers?\n2. What is the complaints budget?\n2a. of which staff costs?\n3a. Who sets it?",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2", "Q3"]
    assert "How many were upheld?" in parsed.parts[0].text
    assert "How many were about officers?" in parsed.parts[0].text
    assert "of which staff costs?" in parsed.parts[1].text
    assert parsed.parts[2].text == "3a. Who sets it?"


def test_lettered_fields_on_one_line_are_what_the_question_asks_for() -> None:
    parsed = parse_request(
        "1. For every incident in 2021, give: a) the date b) the place c) what happened next\n"
        "2. How many incidents were there in 2022?",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2"]
    assert "b) the place" in parsed.parts[0].text


def test_lettered_fields_on_their_own_lines_stay_with_their_question() -> None:
    parsed = parse_request(
        "For each incident since 2020 please give:\na) the date\nb) the location\nc) the outcome\n",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1"]


def test_context_lines_are_kept_on_the_request_and_are_not_parts() -> None:
    parsed = parse_request(
        "1. How many bus lane fines were issued in 2022?\n2. How much was collected?\n"
        "Please send the information as a spreadsheet.\n"
        "NB: I only want fines for the camera on the High Street.\n"
        "If this would exceed the cost limit, please advise me how I could narrow my request.\n"
        "I am happy to clarify any of the above.\n"
        "I ask because I was fined there myself.\n",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2"]
    assert any(line.startswith("NB:") for line in parsed.context)
    assert any("cost limit" in line for line in parsed.context)


def test_context_in_prose_is_not_a_part() -> None:
    parsed = parse_request(
        "How many empty council homes were there at 31 March 2023? The reason I ask is that my family "
        "has waited four years for a home. I would be grateful for the information in an Excel file. "
        "Please let me know if you need me to clarify anything.",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1"]


def test_a_breakdown_note_applies_its_period_to_the_questions_above() -> None:
    parsed = parse_request(
        "1. How many domestic abuse incidents were recorded?\n2. How many led to a charge?\n\n"
        "Please break the figures down by financial year, 2019/20 to 2021/22.",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2"]
    assert spans(parsed) == [[("2019-04-01", "2022-03-31")]] * 2


def test_a_clarification_received_applies_its_period_to_every_part() -> None:
    parsed = parse_request(
        "1. How many noise complaints did the council receive?\n2. How many abatement notices were served "
        "in 2015?\n\nYours faithfully,\nA Requester\n\n"
        "Clarification received 20 May 2023: please limit this to 1 April 2021 to 31 March 2023.",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2"]
    assert spans(parsed) == [[("2021-04-01", "2023-03-31")]] * 2
    assert any("Clarification received" in line for line in parsed.context)


def test_a_period_in_the_preamble_applies_to_every_question() -> None:
    parsed = parse_request(
        "For the last five years, please tell me:\n- how many cyclists were injured on council roads\n"
        "- how many of those injuries were serious\n- how many claims were paid for pothole damage",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2", "Q3"]
    assert spans(parsed) == [[("2018-01-01", "2022-12-31")]] * 3


def test_every_part_says_why_it_was_split_there() -> None:
    parsed = parse_request(
        "REQUEST 1:\n1. How many officers were dismissed in 2022?\n(a) How many appealed?\n"
        "- How many were reinstated?\nHow many resigned? What did they cost?",
        RECEIVED,
    )
    assert all(part.why for part in parsed.parts)
    assert parsed.parts[0].why == "numbered 1."
    assert parsed.as_dict()["parts"][0]["why"] == "numbered 1."  # type: ignore[index]


def test_numbering_that_starts_again_under_headings_gives_a_block_per_heading() -> None:
    parsed = parse_request(
        "Please give the figures for each year since 2019:\n\nLittering:\n1. How many fines were issued?\n"
        "2. How many were paid?\n\nFly-tipping:\n1. How many fines were issued?\n2. How many were paid?",
        RECEIVED,
    )
    assert labels(parsed) == ["Part 1, Q1", "Part 1, Q2", "Part 2, Q1", "Part 2, Q2"]
    assert spans(parsed) == [[("2019-01-01", "2023-05-10")]] * 4


def test_numbers_run_into_the_text_are_still_markers() -> None:
    parsed = parse_request(
        "Please could you provide the following information:1.Does the council use a contractor? "
        "2.The number of fines issued in 2022 3.The income from them 4 - How many were appealed?",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2", "Q3", "Q4"]
    assert parsed.parts[3].text == "How many were appealed?"


def test_a_bullet_ending_with_a_colon_heads_the_bullets_below_it() -> None:
    parsed = parse_request(
        "For 2022/23, please provide:\n- Regarding volunteers:\n- the number of call-outs\n"
        "- the hours given\n- Regarding charities:\n- a list of the charities\n- For each charity:\n"
        "- the number of incidents",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2"]
    assert "the hours given" in parsed.parts[0].text
    assert "the number of incidents" in parsed.parts[1].text


def test_a_list_of_fields_is_one_part_with_its_ask() -> None:
    parsed = parse_request(
        "Please list every off-payroll worker in 2022. For each person, please provide:\n"
        "- their role\n- how much they are paid per day\n- when they started\n"
        "- whether they are taxed at source",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1"]
    assert "whether they are taxed at source" in parsed.parts[0].text
    assert parsed.parts[0].why == "a question over a list of fields"


def test_questions_in_the_preamble_of_a_list_are_parts_and_lead_ins_are_not() -> None:
    parsed = parse_request(
        "I would like a list of incidents in Haringey in 2014. I would like the same list for Hackney.\n"
        "Please could you answer the following:\n1. How many were upheld?\n2. How many were referred?",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2", "Q3", "Q4"]
    assert parsed.parts[2].text == "How many were upheld?"


def test_a_clarification_headed_clarification_colon_is_no_part() -> None:
    parsed = parse_request(
        "1. Which bus types run on route 25?\n2. How old are they?\n\n"
        "Clarification: I mean the buses in service between 1 January 2022 and 31 December 2022.",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2"]
    assert spans(parsed) == [[("2022-01-01", "2022-12-31")]] * 2


def test_paragraphs_of_prose_end_their_sentences() -> None:
    parsed = parse_request(
        "How many images were passed to the team for each demonstration;\n\n"
        "Whether those images have been stored locally.\n\nWhether any images have been destroyed.",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2", "Q3"]


def test_question_marks_standing_for_lost_bullets_are_bullets() -> None:
    parsed = parse_request('? "How many audits were made?"\n? "How many failed?"', RECEIVED)
    assert labels(parsed) == ["Q1", "Q2"]


def test_a_question_about_a_document_a_name_or_a_plan_inherits_no_period() -> None:
    parsed = parse_request(
        "For 2022:\n1. How many library closures were there?\n"
        "2. Please provide a copy of the referral form.\n"
        "3. Please confirm the name and job title of the head of libraries.\n"
        "4. How many closures are proposed within the next year?\n5. How many staff work there today?",
        RECEIVED,
    )
    assert spans(parsed) == [
        [("2022-01-01", "2022-12-31")],
        [],
        [],
        [],
        [("2023-05-10", "2023-05-10")],
    ]


def test_a_line_between_items_heads_the_items_below_not_the_one_above() -> None:
    parsed = parse_request(
        "1. How many officers does the force employ?\nFor the last 5 year period:\n"
        "2. How many were dismissed?\n3. How many resigned?",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2", "Q3"]
    assert spans(parsed) == [[], [("2018-01-01", "2022-12-31")], [("2018-01-01", "2022-12-31")]]


def test_q_prefixed_lettered_items_are_one_question() -> None:
    parsed = parse_request(
        "Q7. How many notices were paid in 2022?\nQ8a. Do you print them in-house?\n"
        "Q8b. If not, which supplier prints them?",
        RECEIVED,
    )
    assert labels(parsed) == ["Q7", "Q8"]
    assert "which supplier" in parsed.parts[1].text


def test_a_bullet_that_only_refines_joins_the_one_above_and_remarks_are_no_parts() -> None:
    parsed = parse_request(
        "I am writing to request the following:\n- A copy of the log of incidents in quarter 4 of 2022.\n"
        "- This should include a summary of each report.\n\n"
        "Please interpret my request in the broadest possible terms.",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1"]
    assert "summary of each report" in parsed.parts[0].text
    assert spans(parsed) == [[("2022-10-01", "2022-12-31")]]


def test_a_numbered_cost_limit_fallback_is_no_part() -> None:
    parsed = parse_request(
        "1. The number of cases for 2017/18 and 2018/19.\n"
        "2. If you are unable to process this in full, please provide data only for 2018/19.",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1"]


def test_a_period_below_a_list_scopes_the_correspondence_asked_for() -> None:
    parsed = parse_request(
        "Please provide a copy of all correspondence between the Department and:\n\n(a) Ofqual\n"
        "(b) Examination Awards Bodies\n\nBetween 4 August 2020 and 10 August 2020.",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1"]
    assert spans(parsed) == [[("2020-08-04", "2020-08-10")]]


def test_a_figure_broken_into_numbered_categories_is_one_part() -> None:
    parsed = parse_request(
        "A breakdown of the total number of domestic violence reports between 1st April 2020 and "
        "31st March 2021.\n\nPlease break down the figures into gender (male and female) as follows:\n"
        "1. Charge or summons\n2. Postal charge\n3. Community resolution\n4. Other agency takes primacy",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1"]
    assert "Community resolution" in parsed.parts[0].text
    assert spans(parsed) == [[("2020-04-01", "2021-03-31")]]


def test_items_repeating_the_figure_for_the_following_reasons_are_its_categories() -> None:
    parsed = parse_request(
        "Please provide the number of patients who have left the waiting list in 2022 for the following "
        "reasons:\n- Number of patients who died\n- Number of patients who sought private treatment",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1"]


def test_numbered_questions_after_a_lead_in_without_categories_stay_questions() -> None:
    parsed = parse_request(
        "Please provide the following information for 2022:\n- Number of patients who died\n"
        "- Number of patients who sought private treatment",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2"]  # near miss: "the following information" names no categories


def test_fields_that_explain_this_information_join_the_ask_above() -> None:
    parsed = parse_request(
        "I would like to know the number of domestic violence incidents reported in 2022.\n\n"
        "I would also like this information to explain the following:\n\n"
        "- The month in which it was reported\n- The outcome of the report",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1"]
    assert "The outcome of the report" in parsed.parts[0].text


def test_numbering_that_starts_again_under_paragraphs_of_prose_gives_a_block_each() -> None:
    parsed = parse_request(
        "For my research I want to analyse refusals.\n\n"
        "Firstly, I want to ask some questions about your information storage system.\n\n"
        "1. What systems do you use to store data?\n\n2. Who searches them?\n\n"
        "I also want to know the common reasons that you may reject requests under s.12.\n\n"
        "1. In the past 5 years, how many requests have been refused under s.12?\n\n"
        "2. For those requests, what reasons were recorded?",
        RECEIVED,
    )
    assert labels(parsed) == ["Part 1, Q1", "Part 1, Q2", "Part 2, Q1", "Part 2, Q2"]
    assert spans(parsed)[2] == [("2018-01-01", "2022-12-31")]


def test_a_field_lead_in_over_numbers_that_start_again_opens_no_block() -> None:
    parsed = parse_request(
        "1. How many complaints were made in 2022?\n2. How many were upheld?\n\n"
        "Please break the complaints down by:\n1. age\n2. gender",
        RECEIVED,
    )
    assert not any(part.request for part in parsed.parts)  # near miss: "broken down by:" heads fields


def test_sub_items_under_an_unnumbered_first_question_make_it_question_one() -> None:
    parsed = parse_request(
        "What are the longest waiting times for the past three calendar years?\n\n"
        "1a) If possible, please break down by age.\n\n1b) If possible, please break down by month.\n\n"
        "2. What is the average waiting time?",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2"]
    assert "break down by month" in parsed.parts[0].text


def test_sub_items_under_a_preamble_that_asks_nothing_keep_their_numbering() -> None:
    parsed = parse_request(
        "I am writing about waiting times.\n1a) The longest wait in 2022\n1b) The average wait in 2022",
        RECEIVED,
    )
    assert "I am writing about waiting times." not in " ".join(part.text for part in parsed.parts)


def test_fields_for_each_thing_join_the_question_above_them() -> None:
    parsed = parse_request(
        "I am writing to request the following information:\n"
        "Please provide details of infrastructure failures at your hospitals in 2022.\n"
        "For each incident, please could you provide a summary covering:\n"
        "a. The date of the incident.\nb. The cause of the incident.\nc. The cost and impact on services.",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1"]
    assert parsed.parts[0].text.startswith("Please provide details of infrastructure failures")
    assert "The cause of the incident" in parsed.parts[0].text


def test_fields_for_each_thing_with_no_question_above_are_their_own_question() -> None:
    parsed = parse_request(
        "For each incident in 2022, please provide:\na. The date of the incident.\nb. The cause.", RECEIVED
    )
    assert labels(parsed) == ["Q1"]
    assert parsed.parts[0].text.startswith("For each incident in 2022")


def test_a_note_applying_the_request_to_a_period_is_no_part_and_sets_the_period() -> None:
    parsed = parse_request(
        "How many incidents have been reported involving drones?\n"
        "Please apply this request to the period Jan 1, 2014 – September 1, 2015.\n\n"
        "Please provide a breakdown of that information including:\n1. The month of each incident.\n"
        "2. A summary of the incident.",
        date(2015, 9, 2),
    )
    assert labels(parsed) == ["Q1"]
    assert spans(parsed) == [[("2014-01-01", "2015-09-01")]]


def test_where_to_send_and_acknowledging_receipt_are_remarks_but_sending_a_document_asks() -> None:
    parsed = parse_request(
        "How many incidents were there in 2022? Please send the information to the email above. "
        "Please could you acknowledge that you have received this request. Please send me the minutes "
        "of the board meeting of 4 May 2022.",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2"]
    assert parsed.parts[1].text.startswith("Please send me the minutes")


def test_a_subject_stated_before_the_questions_is_no_question() -> None:
    parsed = parse_request(
        "I would like to know about domestic violence.\n\nPlease provide the following information:\n"
        "1) The total of calls made about domestic violence in 2021.\n2) How many arrests were made?",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2"]
    assert parsed.parts[0].text.startswith("The total of calls")
    near = parse_request("I would like to know about the number of arrests in 2021.", RECEIVED)
    assert labels(near) == ["Q1"]  # a subject that names a figure asks for it


def test_a_question_on_a_line_of_its_own_starts_a_sentence_without_a_full_stop_above() -> None:
    parsed = parse_request(
        "Can you tell me\nThe predicted increase in officer numbers for the next 3 years\n"
        "How many officer vacancies are there currently?\nHas the road policing team been disbanded?",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2", "Q3"]
    assert parsed.parts[1].text == "How many officer vacancies are there currently?"
    wrapped = parse_request("Can you tell me how many officers left in 2021 and\nHow many joined?", RECEIVED)
    assert labels(wrapped) == ["Q1"]  # near miss: a line broken off after "and" goes on below


def test_a_line_under_a_numbered_question_that_opens_as_it_does_is_more_of_it() -> None:
    parsed = parse_request(
        "1. How many requests were received in 2022?\n"
        "3. How many internal reviews have been asked for in each month?\n"
        "How many internal reviews were dealt with within 20 days?\n"
        "How many internal reviews do you have open at present?",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q3"]
    assert "open at present" in parsed.parts[1].text
    other = parse_request(
        "1. How many requests were received in 2022?\n2. How many were refused?\nWho decides on a refusal?",
        RECEIVED,
    )
    assert labels(other) == ["Q1", "Q2", "Q3"]  # near miss: a question opening otherwise is its own


def test_subjects_listed_below_a_search_are_its_terms_but_topics_asked_about_are_questions() -> None:
    search = parse_request(
        "Please supply a list of all FOI requests which contain a reference to any of the specified "
        "subjects below, and which were referred to the clearing house.\n\n1. Loan Charge\n"
        "2. Disguised remuneration (DR)\n3. Counter Avoidance",
        RECEIVED,
    )
    assert labels(search) == ["Q1"]
    topics = parse_request(
        "I am requesting information you hold on the following topics...\n\n1) Importance of play\n"
        "2) Caring for and promoting identity with children from different ethnicities\n"
        "3) Issues men face as foster carers (or the primary carer) of girls",
        RECEIVED,
    )
    assert labels(topics) == ["Q1", "Q2", "Q3"]  # near miss: each topic is asked about


def test_examples_of_what_is_asked_for_are_no_parts_of_their_own() -> None:
    parsed = parse_request(
        "Could all information held on file at those meetings be provided?\n\n"
        "Examples of such might include:\n\n1. Preparatory notes.\n\n2. Minutes.\n\n"
        "4 Attendees - senior grades.",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1"]
    assert "Minutes." in parsed.parts[0].text


def test_period_lines_under_a_question_are_its_periods_not_items() -> None:
    parsed = parse_request(
        "1. How many stalking offences were recorded during the following time periods?\n"
        "1 January 2020 - 31 December 2020\n2 January 2021 - 31 January 2022\n"
        "2. How many stalking sanction detections were recorded during the following time periods?\n"
        "1 January 2020 - 31 December 2020\n2 January 2021 - 31 January 2022",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2"]
    assert spans(parsed) == [[("2020-01-01", "2020-12-31"), ("2021-01-02", "2022-01-31")]] * 2
    near_miss = parse_request("Please tell me:\n1 How many stations are open?\n2 How many closed?", RECEIVED)
    assert labels(near_miss) == ["Q1", "Q2"]  # a number before a word that is no month is still a marker


def test_slash_and_bracketed_numbers_are_markers_but_dates_and_references_are_not() -> None:
    slashed = parse_request(
        "Please provide:\n\n1/ the number of fixed penalty notices issued;\n\n2/ the number paid;\n\n"
        "3/ the number cancelled by the council.",
        RECEIVED,
    )
    assert labels(slashed) == ["Q1", "Q2", "Q3"]
    bracketed = parse_request(
        "[1] How many students are enrolled at each campus?\n[2] How many staff are based at each campus?",
        RECEIVED,
    )
    assert labels(bracketed) == ["Q1", "Q2"]
    assert bracketed.parts[1].text.startswith("How many staff")
    near_miss = parse_request(
        "How many fixed penalty notices were issued between\n1/4/2020 and 1/4/2021?\n"
        "[1]https://www.example.gov.uk/policy",
        RECEIVED,
    )
    assert labels(near_miss) == ["Q1"]


def test_breakdowns_listed_for_each_year_belong_to_the_count_above() -> None:
    parsed = parse_request(
        "For each of the academic years from 2018 to present, please can you tell me how many students "
        "have been caught cheating?\n\nFor each year, I would like to know:\n1. How many were male and how "
        "many female\n2. A break down of the kinds of cheating identified\n3. The kinds of outcomes",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1"]
    assert "kinds of outcomes" in parsed.parts[0].text
    near_miss = parse_request(
        "For each year, I would like to know:\n1. How many officers were dismissed\n"
        "2. How many staff were suspended",
        RECEIVED,
    )
    assert labels(near_miss) == ["Q1", "Q2"]  # items with subjects of their own are questions


def test_short_lines_under_a_lead_are_a_list_typed_without_markers() -> None:
    parsed = parse_request(
        "Please provide details of compensation payments made to road users during 2015.\n\n"
        "Total claims for compensation your council received.\n\nHighest single amount paid out.\n\n"
        "Lowest single amount paid out.\n\nTotal compensation paid out during the year.",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2", "Q3", "Q4"]
    assert parsed.parts[1].text.startswith("Highest single amount")
    assert spans(parsed) == [[("2015-01-01", "2015-12-31")]] * 4
    near_miss = parse_request(
        "Please provide the number of complaints made in 2015.\n\nI live in the borough.\n\n"
        "It affects my street.\n\nThe council knows of it.\n\nMany neighbours agree.",
        RECEIVED,
    )
    assert labels(near_miss) == ["Q1"]  # statements below an ask are no list


def test_what_to_do_if_two_figures_differ_stays_with_the_ask_but_a_condition_that_asks_does_not() -> None:
    parsed = parse_request(
        "Please provide the number of bus lane cameras in operation. If there is a difference between the "
        "number of camera sites and the number of cameras, please provide both figures.\n\n"
        "If CCTV cars are used to enforce bus lanes, then please list the number of cars used.",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2"]
    assert "both figures" in parsed.parts[0].text
    assert parsed.parts[1].text.startswith("If CCTV cars")  # near miss: a condition over its own ask


def test_how_and_when_to_answer_and_arguments_about_exemptions_are_no_parts() -> None:
    parsed = parse_request(
        "1. How many requests were submitted electronically in 2022?\n"
        "2. How many were answered late?\n\n"
        "Please provide the information electronically. Please could you provide the responses to the "
        "questions as soon as possible? I believe this does not allow for the use of s.31(1)(a) of the FOIA.",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2"]  # near miss: "submitted electronically" is still asked
    assert any("as soon as possible" in remark for remark in parsed.context)


def test_exclusions_and_remarks_on_one_lettered_question_stay_with_the_ask() -> None:
    parsed = parse_request(
        "For 2022/23:\n\n(a) What was the average cost of an EHCP;\n\n"
        "(b) How many EHCPs specified support.\n\n"
        "For (a), please can the average cost be provided as both the mean and the median.\n\n"
        "If information is held on the average cost, but it is calculated on another basis, "
        "please provide it.",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2"]
    parsed = parse_request(
        "6. How many noise abatement orders were issued in 2014?\n"
        "Please exclude any noise abatement orders issued to residential properties.\n\n"
        "7. Please provide the number of orders issued to residential properties in 2014.",
        RECEIVED,
    )
    assert labels(parsed) == ["Q6", "Q7"]  # near miss: a numbered ask about the excluded ones is its own
    assert "Please exclude" in parsed.parts[0].text


def test_a_request_made_about_a_subject_is_no_question_but_the_questions_after_it_are() -> None:
    parsed = parse_request(
        "I'd like to make a request under the Freedom of Information Act about parking charges "
        "at hospitals.\n\n"
        "Do the hospitals have any free drop-off zones? Are there any rules around using these zones?",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2"]
    assert parsed.parts[0].text.startswith("Do the hospitals")


def test_figures_asked_for_years_below_the_questions_set_their_period() -> None:
    parsed = parse_request(
        "1. How many parking fines have been appealed?\n"
        "2. How much money has been raised from parking fines?\n\n"
        "Please provide figures for 2017 and 2018 broken down into each year.",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2"]
    assert spans(parsed) == [[("2017-01-01", "2018-12-31")]] * 2
    near = parse_request(
        "1. How many parking fines have been appealed?\n\n"
        "Please provide figures for dog fouling fines issued.",
        RECEIVED,
    )
    assert labels(near) == ["Q1", "Q2"]  # near miss: figures on another subject are asked for


def test_a_list_that_specifies_the_ask_above_it_replaces_it_but_fields_and_further_questions_do_not() -> None:
    parsed = parse_request(
        "Can you please supply me with a monthly breakdown for 2013/14 of spending on agency staff.\n\n"
        "I specifically require:\n\n1 - Breakdown of agency costs for 2013/14 by month.\n\n"
        "2 - Which agencies are being used?",
        RECEIVED,
    )
    assert labels(parsed) == ["Q1", "Q2"]
    assert parsed.parts[0].text.startswith("Breakdown of agency costs")
    assert spans(parsed)[1] == [("2013-04-01", "2014-03-31")]  # the ask above still sets the period
    fields = parse_request(
        "Can you please tell me how many parking fines were issued in 2022?\n\n"
        "Specifically:\n- by age\n- by gender",
        RECEIVED,
    )
    assert labels(fields) == ["Q1"]  # near miss: dimensions of the ask above leave it the part
    further = parse_request(
        "How many fines were issued in 2022?\n\nI would also like to know:\n1. How many were paid?\n"
        "2. How many were appealed?",
        RECEIVED,
    )
    assert labels(further) == ["Q1", "Q2", "Q3"]  # near miss: a list of further questions


def test_a_numbered_line_that_asks_nothing_heads_the_question_below_it() -> None:
    parsed = parse_request(
        "1. In the most recent available 12-month period\n\n How many children do you have in care?\n"
        " Foster care\n Residential care\n\n2. Of these, how many have received CAMHS intervention?",
        date(2023, 7, 10),
    )
    assert labels(parsed) == ["Q1", "Q2"]
    assert "How many children do you have in care?" in parsed.parts[0].text
    assert spans(parsed) == [[("2022-07-01", "2023-06-30")]] * 2
    asks = parse_request(
        "1. How many children are in care?\n\nPlease send this as a spreadsheet.\n\n"
        "2. How many are fostered?",
        RECEIVED,
    )
    assert "spreadsheet" not in asks.parts[0].text  # near miss: a numbered question that asks keeps its text
