#!/usr/bin/env python3
"""Writes textstat_grades.json: textstat's Flesch-Kincaid grade, word count and sentence count
for each text in SAMPLES. tests/content_bundled.rs checks that its own `grade` agrees.

Made with textstat 0.7.13 (Python 3.11). To run it again, from the repository root:

    python3 -m venv /tmp/textstat && /tmp/textstat/bin/pip install textstat==0.7.13
    /tmp/textstat/bin/python tests/data/textstat_grades.py

textstat counts syllables with the CMU Pronouncing Dictionary from NLTK's data (the
"cmudict" corpus, version 0.7a) and falls back to pyphen's en_US hyphenation patterns for
words the dictionary lacks. It downloads the corpus into ~/nltk_data on first use; where
that download is blocked, put cmudict.zip from the nltk_data repository
(packages/corpora/cmudict.zip) into ~/nltk_data/corpora/ and unzip it there.

The texts were written for this file, except the FAQ answers named as such. Add a text to
SAMPLES and run the script again; never edit the JSON by hand.
"""

import json
from pathlib import Path

import textstat

assert textstat.__version__ == (0, 7, 13), textstat.__version__

SAMPLES = [
    ("plain-short",
     "You went quiet at dinner. That is fine. Let the evening be slow. Tomorrow you can say "
     "one kind thing and see how it lands."),
    ("dense-academic",
     "Longitudinal observational research consistently demonstrates that unresolved attachment "
     "insecurities substantially predict withdrawal behaviours, particularly when individuals "
     "experience heightened interpersonal vulnerability and perceive emotional dependency as "
     "threatening to their autonomy."),
    ("list-without-stops",
     "Things that often help:\n- a walk after work\n- one question about their day\n"
     "- a note left on the kitchen table\n- ten quiet minutes before bed\n"),
    ("list-with-stops",
     "- Notice the urge to leave the room.\n- Name it to yourself.\n"
     "- Stay for one more minute.\n- Then decide what you want to do.\n"),
    ("quoted-dialogue",
     'She asked, "Are you all right?" He said, "I\'m fine, really." It wasn\'t true, and both '
     "of them knew it. Later he wrote, 'Sorry, I was tired and a bit lost.'"),
    ("contractions",
     "I don't know why I can't say it out loud. You're not wrong, and it's not your fault; "
     "we've both been worn down lately. Maybe we'll talk on Sunday, when there's time and "
     "nobody's rushing off."),
    ("numbers-and-abbreviations",
     "Set a timer for 10 minutes, e.g. after dinner at 7.30 p.m. on a weekday. Talk about "
     "2 or 3 things that went well this week, then one thing that was hard. Dr. Patel calls "
     "this the 3-to-1 habit."),
    ("hyphens-and-dashes",
     "A low-key, ten-minute check-in \u2014 no phones, no TV \u2014 can feel like a "
     "long-awaited break. Self-care isn't selfish; it's the ground-floor work that keeps a "
     "two-way bond alive."),
    ("british-spellings",
     "Recognising the behaviour is a start. You might practise a calmer reply, apologise "
     "sooner and prioritise the conversations that honour your partner's needs. Counselling "
     "can help you organise what you feel."),
    ("long-winding-sentence",
     "When the week has been long and the house is loud and every message on your phone seems "
     "to ask for something, it is easy to turn inward, to answer in single words, to tell "
     "yourself that you will explain later, and to find that later never quite comes."),
    ("exclamations-and-ellipses",
     "Stop! Wait... breathe in for four, hold for four, and let it out slowly. Okay? Now, "
     "what do you actually need right now? Say it plainly!"),
    ("colon-heading-and-lines",
     "When you feel the pull to withdraw:\nname the feeling\nsay what you need\n"
     "ask what they need\nagree on when you will come back to it"),
    ("past-tense-narrative",
     "Over the spring his messages faded. He texted less, stayed late at the office, and "
     "changed the subject whenever holidays came up. She wondered whether she had said "
     "something wrong, and waited, and worried."),
    ("attachment-terms",
     "Attachment theory describes secure, anxious and avoidant patterns. An avoidant partner "
     "may value independence so highly that closeness feels like pressure, while an anxious "
     "partner may read that distance as rejection."),
    ("tricky-vowels",
     "The quiet couple created a realistic idea of their ideal routine: fewer obligations, "
     "more science podcasts, a radio in the area by the stove, and genuinely curious "
     "questions about each other's experience."),
    ("questions-only",
     "What did you want to say today? What stopped you? Was it the timing, the mood, or an "
     "old fear that speaking up never changes anything?"),
    # The three answers issue 15 names, as they read then (textstat: 10.0, 9.4 and 8.7).
    ("issue-healing-faq-2",
     "Not quite. The two overlap, but an avoidant attachment style is a deeper pattern that "
     "usually goes back to early life."),
    ("issue-why-faq-6",
     "Not necessarily. Distance can be a sign that something needs attention, and a chance to "
     "understand each other better. But if the problems are left alone, or one of you won't "
     "take part in working on them, the relationship may end."),
    ("issue-why-faq-1",
     "Not always. A sudden change can come from many things, like outside pressure, a "
     "personal struggle or a passing mood. It helps to look at the wider picture of your "
     "relationship and at what your partner is dealing with."),
    # Two more FAQ answers of "why a partner pulls away", as they read when this was made.
    ("why-faq-3",
     "Some common ones: they talk less often and touch less. They seem far off in their "
     "feelings. They avoid plans for the future. They criticise more, and you feel out of "
     "touch. Still, weigh these against your history together and what your partner is like."),
    ("why-faq-5",
     "Share your worries calmly and without blame. Listen to their side. Look for needs that "
     "aren't met, or other causes. Get outside support if it would help. Rebuild trust and "
     "closeness through time together. If you feel afraid of your partner, put your safety "
     "first."),
]


def main() -> None:
    out = []
    for name, text in SAMPLES:
        out.append(
            {
                "name": name,
                "text": text,
                "grade": round(textstat.flesch_kincaid_grade(text), 4),
                "words": textstat.lexicon_count(text),
                "sentences": textstat.sentence_count(text),
                "syllables": textstat.syllable_count(text),
            }
        )
    path = Path(__file__).with_suffix(".json")
    path.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(out)} texts to {path}")


if __name__ == "__main__":
    main()
