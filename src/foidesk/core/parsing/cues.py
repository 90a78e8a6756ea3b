"""The words that tell what a sentence of a request does: ask, refine the ask before it, lead in to
a list, name the fields of one ask, or remark (context kept on the request, never a part).

Each cue is a pattern read by ``structure``; they live here, apart from the grammar that uses
them, so that the vocabulary can grow without the grammar growing with it. Every pattern is
anchored or bounded, so each is linear in the length of the text.
"""

from __future__ import annotations

import re

ASK = re.compile(
    r"\?|\b(?:please|could you|can you|would you|will you|i would like|i'd like|i wish to|i want|i request|"
    r"i would (?:also )?request|i (?:also )?request|"
    r"i am requesting|i'm requesting|i ask|kindly|how many|how much|how often|how long|"
    r"(?:(?<=\band )|(?<=\bor ))(?:what|whether)|"
    r"(?:(?<=^)|(?<=[.?!:;,(] )|(?<=\balso )|(?<=\bme )|(?<=\bus )|(?<=\bknow )|"
    r"(?<=\bstate )|(?<=\bconfirm )|(?<=\bspecify )|(?<=\bexplain )|(?<=\badvise )|"
    r"(?<=\bdetail )|(?<=\boutline )|"
    r"(?<=\bindicate )|(?<=\bshow )|(?<=\bask )|(?<=\bsee )|(?<=\bon )|(?<=\babout )|(?<=\bas to )|"
    r"(?<=\bof )|(?<=^\W)|(?<=^\W\W))(?:what|which|whether|when|where|who)|"
    r"does|do you|did|is there|are there|has the|have you|number of|list of|a copy of|"
    r"^(?:the )?types? of|average|names? of|job title|data (?:relating|on|about|regarding|for|held)|"
    r"copies of|details (?:of|on|about)|"
    r"breakdown|total|amount|provide|send|supply|disclose|tell me|let me know|confirm|"
    r"i'm looking for|i am looking for|"
    r"i would be grateful (?:for|to receive) (?:the |a |all |any )?"
    r"(?:records?|copies|copy|details|list|number|information|data|figures|statistics))\b",
    re.IGNORECASE,
)
CONTEXT = re.compile(
    r"^(?:i am|i'm|we are|i write|i have)\b[^.?]{0,40}\b(?:writing|"
    r"a (?:student|journalist|researcher|reporter)|researching|"
    r"(?:doing|carrying out|conducting) (?:some )?research|"
    r"interested|looking into|seeking information|"
    r"requesting information|making|submitting|write)\b"
    r"|^(?:this is|the following is) a (?:request|freedom)"
    # "I would like to know about domestic violence.": the subject, before the questions that ask
    r"|^(?:i would like|i'd like|i want|i wish) to (?:know|ask|learn|find out|enquire) about "
    r"(?![^.?]*\b(?:number|how|whether|which|what|many|much|total|amount|when|where|who)\b)[^.?]{1,40}\.$"
    r"|\bthe following(?: specific)? information(?: under [^.?]{0,60})?[.:]?$"
    r"|\b(?:have|has|had) (?:stated|said|claimed|reported|announced)\b"
    r"|^(?:at|on|via) the (?:link|website|web page|page)\b|\byou will see that\b"
    r"|^(?:thank you for|following (?:on from|up)|further to)\b"
    r"|^please find (?:below|attached|enclosed)\b"
    r"|\b(?:make|making|submit|submitting) (?:a|this) (?:request|freedom of information request)\b"
    r"(?: under [^.?]{0,60})?[.:]?$"
    r"|^(?:please )?(?:can|could) you (?:please )?provide (?:me )?with some information\b"
    # "I'd like to make a request under the Freedom of Information Act about parking charges at hospitals.":
    # the subject, before the questions that ask
    r"|^(?:i|we)(?:'d| would) like to (?:make|submit) (?:a|this) (?:freedom of information |foi )?request\b"
    r"[^?]{0,160}$"
    r"|^(?:please )?(?:can|could|may) i (?:please )?(?:request|ask for|make)\b[^.?]{0,30}"
    r"\b(?:following|information)\b"
    r"[^.?]{0,20}\b(?:under|using)\b[^.?]{0,60}[.:]?$"
    r"|:$|\b(?:is|are|following|below|as follows)[ ]?;$",
    re.IGNORECASE,
)
META = re.compile(
    r"\b(?:i am aware|i'm aware|i understand|i appreciate|i realise|i recognise|section 40|"
    r"personal information exemption|identify (?:the )?individuals|identify any|cost limits?|"
    r"appropriate limit|"
    r"section 12|exceed the|some parts of this request|"
    r"if any part|if any parts|spreadsheet|electronic format|csv|excel format|machine[- ]readable|by email|"
    r"a link would|already published|withheld under|redact|i look forward|if you need (?:any )?clarification|"
    r"if you require clarification|please contact me if|(?:do not|don't|dont) hesitate|"
    r"(?:respond|reply) within|"
    r"statutory (?:time|deadline)|acknowledge receipt|acknowledge (?:that )?you have received|"
    r"please do not include|"
    r"please send (?:the|this|all) (?:information|data|response|reply) (?:to|by|via)|"
    # "Please provide the information electronically.", "the responses to the questions as soon as possible"
    r"(?:provide|send|supply|receive) (?:the |this |all |my )?"
    r"(?:information|data|responses?|figures|answers?) electronically|"
    r"as soon as (?:possible|practicable|you can)|"
    # "does not allow for the use of s.31(1)(a) of the FOIA", "the public interest in ... outweighs": argument
    r"(?:s\.|section )(?:2[1-9]|3\d|4[0-4])\(\d|public interest (?:in|test)\b[^?]{0,160}\boutweighs?)\b",
    re.IGNORECASE,
)
REMARK = re.compile(
    r"^(?:nb|n\.b\.?|note|please note|p\.?s\.?)\b[ :.,-]|^clarification[ ]?:|^\*(?=[a-z])"
    r"|\b(?:i ask because|^the reason (?:i|for)|the reason i|i am asking because|i'm asking because|"
    r"for context|background:|"
    r"(?:advice and assistance|section 16|s\.? ?16)\b|please advise (?:me )?(?:how|what|whether|on)|"
    r"(?:narrow|refine|reduce|rephrase) (?:my|the|this) request|"
    r"(?:happy|glad|willing) to (?:clarify|discuss|narrow|refine)|"
    r"(?:need|require|want) (?:me to |any |further |more )?clarif|"
    r"if (?:anything|any of this|this|any part) is (?:unclear|not clear)|"
    r"please (?:contact|e-?mail|call|phone|telephone)\b|get in touch|further assistance|go over budget|"
    r"\bi (?:have )?attach(?:ed)?\b|"
    r"in order to save time|"
    r"^if (?:the |this |that )?(?:figures|data|information|records) (?:do|does|are|is) not\b|"
    # "Please answer as of 30th June 2022", "Please restrict the supply of this information to the year 2019":
    # a period for every question, said once after them
    r"^please (?:answer|respond|reply|provide (?:the |this |all )?(?:figures|data|information)) "
    r"as (?:of|at)\b|"
    # "Please provide figures for 2017 and 2018 broken down into each year." below the questions: their period
    r"^please (?:provide|give|supply) (?:the |all |these |those )?"
    r"(?:figures|data|numbers|information|answers)(?: requested)? (?:for|from|covering|between) "
    r"(?:the )?(?:(?:calendar|financial) )?(?:years? )?"
    r"(?:19|20)\d\d\b[^?]{0,80}$|"
    r"^please (?:restrict|limit|confine|apply)\b[^.?]{0,60}\bto (?:the )?"
    r"(?:years?|period|dates?|financial|calendar)\b|"
    r"^if (?:you are|you're) unable to\b|"
    # "If the council does not issue one of these, that part should be disregarded.", "If Northumbria
    # Police only has information on seizures, we ask that this is provided.": what to do if not held
    r"^if (?:the |this |your )?(?:council|force|trust|authority|department|you) (?:does|do) not\b"
    r"[^?]{0,200}$|"
    r"^if (?:the |your )?[\w ]{0,40}\bonly (?:has|have|holds?|records?) (?:information|data|figures)\b|"
    r"^if (?:any of )?(?:the )?(?:above )?(?:figures|data|information) (?:is|are) only "
    r"(?:available|held|recorded)\b|"
    r"^if (?:you|this|it) (?:cannot|can't|can not|is not possible)\b|"
    r"\b(?:i do not|i don't) (?:need|require|want)\b|^if unsure\b|^where the term\b|"
    r"please take (?:this|it) to (?:include|mean)|^if (?:you do not|you don't) (?:hold|have|record)\b|"
    # how to answer, not what: "If it is simpler, you may ...", "Please use the reference ...",
    # "For the avoidance of doubt ...", "I would like to define ...", "confirm in writing that you have"
    r"^if (?:it is |it's )?(?:simpler|easier)\b|tabular format|^in the event that\b|"
    r"^this should not exceed\b|"
    r"^(?:for the avoidance of (?:any )?doubt|to (?:further )?clarify|i would like to define)\b|"
    r"come back to me|confirm in writing|^please use the reference\b|(?:publicly|freely) available|"
    r"available publicly|"
    # "I request this information expressed as an annual figure for each year between 2016 and 2022": how the
    # questions above are to be answered, and for when
    r"^i (?:also )?(?:request|would like|want) (?:this|the|these|all (?:the|this)) "
    r"(?:information|data|figures)"
    r"(?: (?:to be )?(?:expressed|broken down|provided|given|split))? (?:as|for|by|from|covering|between)\b|"
    r"^if (?:any|the|this) (?:requested )?(?:information|data) is not held|too much information|"
    r"within the (?:usual|statutory) time|public domain|"
    r"excel\b|spreadsheet|\.xlsx|\bpdf\b|in (?:an? )?(?:electronic|digital|open|reusable) (?:format|form)|"
    r"interpret (?:my|this|the) request|broadest possible|doubt as to whether|"
    r"scope of (?:my|this|the) request|(?:clear|accessible) format|for the purpose of clarity|"
    r"receive (?:the|this) information (?:electronically|by|in)|"
    r"if (?:my|this|the) request is (?:denied|refused)|justify this by reference|"
    # "it would be possible to get a phone call", "ONLY when you have completed ...": how and when to answer
    r"(?:a|by) (?:phone|telephone) call|over the (?:tele)?phone|\bonly (?:when|once|after) you have\b|"
    # "The time frame in which I would like to receive this data is ...": a period for every question
    r"^the time ?frame (?:in which|for which|i would like|for (?:this|my|the) request)\b)",
    re.IGNORECASE,
)
# Both in one pass, over lowercased text: case-insensitive matching of this many words is twice as slow.
_NOT_ASKED = re.compile(f"{META.pattern}|{REMARK.pattern}")


# "Please provide a spreadsheet showing the number of bus lane contraventions ...": the format carries the ask
_FORMAT_CARRIES_ASK = re.compile(
    r"^(?:please (?:also )?(?:provide|send|supply)|(?:can|could) you (?:please )?(?:provide|send|supply)) "
    r"(?:me )?(?:with )?an? (?:spreadsheet|table|list|excel file|csv file) "
    r"(?:showing|of|listing|detailing|containing|with) (?:the )?(?:number|numbers|totals?|figures|details)\b"
)


def is_remark(text: str) -> bool:
    """Whether ``text`` is context, not an ask: a format preference, a note, an offer to clarify, a reason."""
    lowered = text.lower()
    return _NOT_ASKED.search(lowered) is not None and _FORMAT_CARRIES_ASK.search(lowered) is None


PERIOD_NOTE = re.compile(
    r"\b(?:broken down|break(?:ing)? (?:\w+ ){0,3}down|split|for each|per (?:year|month|quarter)|"
    r"cover(?:ing|s)?|period|time ?frame|limit(?:ed)?|restrict(?:ed)?|only|as (?:of|at)|annual|monthly|"
    r"quarterly|yearly|"
    r"^between|^from|^since|^during|"
    r"^for the|(?:figures|data|numbers|information|answers) (?:for|from|covering|between))\b",
    re.IGNORECASE,
)
LEAD_IN = re.compile(
    r"\b(?:the following|as follows|below|these questions|request(?:ing)? (?:some )?information|"
    r"(?:receive|obtain|seek|seeking) (?:some |the )?information "
    r"(?:regarding|about|on|relating|concerning|in relation)|"
    r"freedom of information|foi request)\b|:$",
    re.IGNORECASE,
)
FIELD_LEAD = re.compile(
    r"\b(?:for (?:each|every) (?!(?:of (?:the |these |those )?)?(?:financial |calendar |academic )?"
    r"(?:year|month|quarter|week|period))|"
    r"per (?:person|incident|case|request|item|property|type)|broken down by|"
    r"break(?:down|[a-z ]{0,20} down)? by|broken down (?:as follows|into)|"
    r"categor(?:y|ies)|fields?|columns?|headings|detailing|including|"
    r"to include|with the following|the following (?:data|fields|categories|columns|headings|types|kinds)|"
    r"(?:useful|helpful) to know|(?:need|want|require) (?:[\w()]+ ){0,6}is|i (?:need|want) to know$|"
    # "containing any of the specified subjects below: 1. Loan Charge ...", "Examples of such might include:"
    # (but "information you hold on the following topics: 1) ... 2) ..." asks about each)
    r"(?:subjects|topics|keywords|key words|search terms) (?:listed )?below|"
    r"^examples? (?:of (?:such|this|these|which) )?(?:might|may|could|would|will)? ?include)\b",
    re.IGNORECASE,
)
STRONG_ASK = re.compile(
    r"\?|^(?:please|could|can|would|will|i would like|i'd like|i wish|i want|i request|i am requesting|"
    r"kindly|how|what|which|when|where|who|whether|does|do|did|is|are|has|have)\b",
    re.IGNORECASE,
)
EACH_THING = re.compile(  # "for each person, please provide:" (not "for each year": a breakdown by time)
    r"\bfor (?:each|every) (?!(?:financial |calendar |academic )?(?:year|month|quarter|week|of))"
    r"[\w -]{1,60},?(?: please| could you| can you)? ?"
    r"(?:provide|give|list|tell me|state|supply|send|include)?[ a-z]{0,20}:$",
    re.IGNORECASE,
)
UNFINISHED_LEAD = re.compile(  # "Of these cases how many were for a refusal to:": the items end the sentence
    r"\b(?:to|of|for|on|in|about|regarding|whether|which|who|that|were|was|are|is|namely|"
    r"through|with|as|from|into|under|over|between|than|earning|receiving|aged)[ ]?:$",
    re.IGNORECASE,
)
# A numbered item that only says what to do if the rest cannot be answered is no new ask.
FALLBACK = re.compile(
    r"^if (?:you|it|this|the (?:council|trust|force|authority)) (?:are|is)? ?(?:unable|cannot|can't|can not|"
    r"not able|is not possible)\b[^?]{0,160}\b(?:please|only|instead)\b",
    re.IGNORECASE,
)
# "For each incident, please could you provide a summary covering:": the fields of the ask above, per thing
PER_ITEM_LEAD = re.compile(
    r"^for (?:each|every) (?!(?:of (?:the |these |those )?)?(?:financial |calendar |academic )?"
    r"(?:year|month|quarter|week|period)s?\b)[\w-]{1,30}\b",
    re.IGNORECASE,
)
# "For each year, I would like to know: 1. How many were male ... 2. A break down of the kinds ...": the
# breakdowns of the count asked above, year by year, when every item refers back to it
PER_TIME_LEAD = re.compile(
    r"^for (?:each|every) (?:of (?:the |these |those )?)?(?:financial |calendar |academic )?"
    r"(?:year|month|quarter)s?,? "
    r"(?:i would like to know|please (?:provide|give|tell me|state|list))[ a-z]{0,20}:$",
    re.IGNORECASE,
)
BREAKDOWN_ITEM = re.compile(
    r"^(?:how (?:many|much) (?:were|was|are|is|had|have|did)\b|(?:a |the )?break ?down\b|"
    r"(?:the )?(?:kinds?|types?|numbers? for each|outcomes?|ages?|genders?|ethnicit(?:y|ies))\b)",
    re.IGNORECASE,
)
FIELD_ITEM = re.compile(r"^(?:to (?:be|include|indicate|show)|include)\b", re.IGNORECASE)
# A paragraph that opens a list of its own: "Firstly, I want to ask some questions about ...", "I also want
# to know ...", "Secondly:", "In addition, please answer the following:".
INTRODUCES = re.compile(
    r"^(?:(?:firstly|first of all|secondly|thirdly|fourthly|finally|lastly|next|in addition|additionally|"
    r"furthermore|moreover)\b"
    r"|(?:i|we) (?:also |would also |would )?(?:want|like|wish|need) to (?:know|ask|request|find out)\b"
    r"|(?:i|we) (?:also )?have (?:some |a few |several )?(?:more |further |other )?questions\b)"
    r"|(?:the following|as follows|below)[ ]?[:.]$",
    re.IGNORECASE,
)
# "Please break down the figures into gender as follows:", "the number of patients ... for the following
# reasons:": the items are the categories one figure is broken into, not questions, even when each
# repeats the figure's words ("Number of patients who died ...").
CATEGORY_LEAD = re.compile(
    r"\b(?:(?:break|breaking|broken|split|splitting|categori[sz]e[ds]?|group(?:ed)?|divided?)\b"
    r"[^.?!:]{0,80}\b(?:as follows|into\b[^.?!:]{0,60})"
    r"|(?:for|by|into|under|across|in) (?:each of )?the following "
    r"(?:reasons|categories|outcomes|groups|headings|criteria|classifications|disposals))[ ]?:$",
    re.IGNORECASE,
)
REFERS_TO_LIST = re.compile(
    r"\bth(?:is|ese|ose|at) (?:list|lists|data|information|figures|details)\b", re.IGNORECASE
)
REFINEMENT = re.compile(
    r"^(?:i would like (?:the |this )?(?:data|figures|information) (?:for|broken|split|per|from|covering)|"
    r"please (?:break|split|include|disaggregate)|broken down|split by|this should include|including|"
    r"in each case|separate (?:listings?|lists?|figures|totals) (?:for|by) each\b|"
    # "Would you also be able to provide the race/ethnicity stats for those groups too?"
    r"(?:would|could|can) you (?:also )?(?:be able to )?(?:provide|give)[^.?]{0,80}"
    r"\bfor (?:those|these|them)\b|"
    # "In other words, ...", "I would like this data to be laid out ...", "I am therefore looking for ...",
    # "In respect of question (6), ...": more of the ask before, not a new one
    r"in other words\b|i would like (?:the |this |these )?(?:data|figures|information) to be\b|"
    r"i am therefore\b|in respect of (?:question|q)\b|"
    # "I further request that the number of cameras be broken down", "If it is a mixture of the above, ..."
    r"i (?:further |also )?(?:request|ask|would like) that [^.?]{0,80}\bbe (?:further )?"
    r"(?:broken down|split|separated|disaggregated)\b|"
    r"if (?:it|this|that|they) (?:is|are|was|were) [^.?]{0,40}\bthe above\b|"
    r"please also include (?:copies of )?(?:all |any )?"
    r"(?:minutes|notes|attachments|annexes|papers|briefings)\b|"
    r"i would (?:request|like|ask) that (?:this|it|these|they) (?:includes?|is|are|be)\b|"
    r"so\b|if you (?:only )?have (?:figures|data|information|records)\b|"
    r"please provide (?:the|this) (?:information|data)(?: requested)? as a breakdown\b|"
    r"i would like (?:the |this )?(?:data|figures) (?:based on|to be based|counted)\b|"
    r"if (?:available|held|recorded)\b|"
    # "If there is a difference between the number of sites and of cameras, please provide both figures."
    r"if there (?:is|are) (?:a |any )?differen(?:ce|ces|t)\b|if [^.?]{0,60}\bdiffer\b|"
    r"(?:please )?(?:can|could) (?:this|these|that|those|the) ?(?:data|figures|information|numbers)? "
    r"(?:also |further |please )?"
    r"be (?:further |also )?(?:broken|split|provided|given|separated)\b|"
    r"for each (?:year|month|of these years)|where possible|if possible|if so, please break|"
    r"e\.g\.|i\.e\.|for example\b|"
    r"please also (?:segregate|separate|split|break|divide)|"
    r"(?:please )?(?:could|can|would) you (?:please )?(?:break|split) (?:down )?(?:the|these|this|those)\b|"
    r"please (?:clearly )?(?:differentiate|distinguish|separate)\b|"
    r"and if there (?:was|were|is|are)\b|please provide (?:the |a )?breakdown by|"
    r"please (?:detail|specify|state|give|list) [^.?]{0,160}\b(?:each|every) "
    r"(?:incident|case|one|item|occasion)\b|"
    # "Please exclude any orders issued to residential properties.", "For (a), please can the average cost be
    # provided as both ...", "If information is held on the average cost, but it is calculated ...": more of
    # the ask before, not a new one
    r"please (?:exclude|disregard|ignore|omit)\b|"
    r"for (?:\([a-z]\)|[a-z]\)|\([ivx]{1,4}\)|question \d{1,2}|q\d{1,2})[ ,:]|"
    r"if (?:the )?(?:information|data) (?:is|are) held\b[^.?]{0,120}\bbut\b|"
    r"(?:if|where)/(?:if|where) possible|for (?:all|each|both|every one) of (?:the|these|those) (?:above )?"
    r"(?:questions|requests|parts|figures)|answers? to (?:questions?|q\d)|"
    r".{0,60}?\b(?:this|these|that|those|the above|the same) (?:information|data|figures|numbers|statistics) "
    r"(?:to be |be )?(?:broken down|split|separated|segregated))",
    re.IGNORECASE,
)
DIMENSIONS_LEAD = re.compile(
    r"(?:broken down|break(?:down| this down| it down)?|split|analysed|categorised|by)[ ]?(?:by)?[ ]?:?$",
    re.IGNORECASE,
)
NOUN_ASK = re.compile(
    r"^(?:the |a |an |any |all )?(?:number|total|amount|list|copy|copies|details|breakdown|cost|names?)\b",
    re.IGNORECASE,
)
QUESTION_START = re.compile(
    r"^(?:how|what|which|when|where|who|why|does|do|did|is|are|was|were|has|have|had|can|could|will|would|"
    r"please|provide|list|give|tell)\b",
    re.IGNORECASE,
)
# "Can you please supply me with a monthly breakdown of spending on agency staff ..." / "I specifically
# require: 1 - ... 2 - ...": the list says what the ask above is, item by item; that ask is no part of its own
SPECIFYING_LEAD = re.compile(
    r"^(?:(?:i|we) (?:specifically|particularly|in particular) "
    r"(?:require|want|need|request|ask for|would like)"
    r"|(?:more )?specifically|in particular|namely)\b[^.?]{0,40}:$",
    re.IGNORECASE,
)
