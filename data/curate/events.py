"""data/events.csv and its long tables: the dated events of the history chapters.

The events were compiled by hand for the book, each with a source: the histories and
documents in references.bib, or a stored public web page. This script holds the
compilation in one readable list and writes seven tidy tables:

- ``events.csv``: one row per event (dates and their precision, a title in the book's
  own words, a category, a cooperation-conflict score, the source);
- ``event_actors.csv``: the states that acted (event x ISO code);
- ``event_organisations.csv``: the organisations that acted (event x organisation);
- ``event_dyads.csv``: the pairs of states whose relation the score measures;
- ``event_mentions.csv``: where each paper mentions the event, what it says, and whether
  it agrees with the sources on the date or the facts;
- ``event_scale.csv``: the codebook of the score (the book's scale, after Goldstein 1992);
- ``history_claims.csv``: the papers' numerical claims the history chapters check.

Coding rules (chapter 02 shows them to the reader):

- one event is one action or agreement; its score measures cooperation or conflict
  between the states of every dyad listed for it, so an event that means different
  things for different pairs is split into two events;
- every state in a dyad is one of the event's actors;
- dates are Gregorian (the Julian date of a Russian event is in ``source_detail``); a
  date known only to the month or the year is written as its first day, with the
  precision saying so.

This script is the one source of the seven tables; the CSVs are its output, never edited
by hand. Edit here, run ``.venv/bin/python data/curate/events.py`` from the repository
root, and commit the script with the tables it writes; ``tests/test_curation.py`` runs it
into a temporary folder and fails if any table differs from it by a byte. The script, not
the CSVs, is the source because one event here becomes rows of up to five tables (its
actors, organisations, dyads and mentions repeat its id and source): edited as CSVs, the
tables could drift apart, while here each event is one readable entry, its dates and
their precision are derived in one place (``precise``), and the rows are sorted by rule.
"""

from __future__ import annotations

import pandas as pd

from _common import write

M, B = "machaffie2011", "bergfeldt2008"
# MacHaffie's sections, by his headings
M_SR = "Historical Background: Sino-Russian Relations"
M_RU = "Historical Background: Russia-US Relations"
M_SCO = "Shanghai Cooperation Organization"
M_SD = "Security Dilemma"
M_AF = "Additional Factors"

EVENTS: list[dict] = []


def mention(paper, location, paper_date=None, says="", disagreement="none", note=""):
    return dict(paper=paper, location=location, paper_date=paper_date, says=says,
                disagreement=disagreement, note=note)


def event(event_id, start, title, category, score, actors, dyads, source, detail="",
          end=None, organisations=(), mentions=()):
    EVENTS.append(dict(event_id=event_id, start=start, end=end, title=title, category=category,
                       score=score, actors=actors.split(), dyads=dyads.split(),
                       organisations=list(organisations), source=source, detail=detail,
                       mentions=list(mentions)))


# ---------------------------------------------------------------- before 1917
event("ev-1689-nerchinsk", "1689-09-06",
      "Treaty of Nerchinsk fixes the Russian-Qing border along the Argun and the Stanovoy range",
      "treaty", 6, "CHN RUS", "CHN-RUS",
      "mancall1971;perdue2005;http://www.kotoba.ne.jp/word/11/Treaty%20of%20Nerchinsk",
      "signed 27 August 1689 in the Julian calendar Russia then used, 6 September in the Gregorian",
      mentions=[mention(M, M_SR, "1689", "the first treaty China signed with a European power; it set the border")])
event("ev-1727-kiakhta", "1727",
      "Treaty of Kiakhta extends the border west of the Argun and regulates caravan trade and a Russian mission in Peking",
      "treaty", 6, "CHN RUS", "CHN-RUS",
      "mancall1971;https://en.wikipedia.org/wiki/Treaty_of_Kyakhta_(1727)",
      "sources date the signature 23 August 1727 (at the Bura) or 21 October 1727 (Old Style); ratified in June 1728",
      mentions=[mention(M, M_SR, "1727", "further delimited the border and allowed a Russian language school in Peking")])
event("ev-1839-first-opium-war", "1839-09", "First Opium War between Britain and Qing China",
      "crisis or war", -10, "CHN GBR", "CHN-GBR", "spence1990",
      "ended by the Treaty of Nanking, 29 August 1842", end="1842-08-29",
      mentions=[mention(M, M_SR, None, "China's defeats in the Opium Wars mark its decline relative to Europe")])
event("ev-1856-second-opium-war", "1856-10", "Second Opium War: Britain and France against Qing China",
      "crisis or war", -10, "CHN GBR FRA", "CHN-GBR CHN-FRA", "spence1990",
      "ended by the Conventions of Peking, October 1860", end="1860-10",
      mentions=[mention(M, M_SR, None, "the war during which the Treaty of Aigun was signed")])
event("ev-1858-aigun", "1858-05-28",
      "Treaty of Aigun: under Russian pressure the Qing cede the left bank of the Amur",
      "border", -6, "CHN RUS", "CHN-RUS",
      "paine1996;http://the-uncensored-wiki.com:20061/t/r/e/Treaty_of_Aigun_1c62.html",
      "never ratified by the Xianfeng Emperor; confirmed and extended by the Convention of Peking (1860)",
      mentions=[mention(M, M_SR, "1858",
                        "the first significant border treaty, superseding Nerchinsk and Kiakhta and giving Russia a large territory",
                        "fact",
                        "Aigun was not ratified in Peking; the cession became final, and grew by the Ussuri region, only with the Convention of Peking of 1860")])
event("ev-1858-tianjin", "1858-06-13",
      "Russo-Chinese Treaty of Tianjin extracts trading and diplomatic privileges for Russia",
      "treaty", -4, "CHN RUS", "CHN-RUS", "paine1996",
      "one of the four Tianjin treaties of June 1858")
event("ev-1860-peking", "1860-11",
      "Convention of Peking confirms Aigun and cedes the Ussuri region to Russia",
      "border", -6, "CHN RUS", "CHN-RUS",
      "paine1996;http://the-uncensored-wiki.com:20061/t/r/e/Treaty_of_Aigun_1c62.html",
      "signed in November 1860, after the allied occupation of Peking")
event("ev-1881-st-petersburg", "1881-02",
      "Treaty of St Petersburg ends the Ili crisis; Russia returns most of the Ili valley",
      "treaty", 6, "CHN RUS", "CHN-RUS", "paine1996")
event("ev-1896-li-lobanov", "1896-06",
      "Li-Lobanov Treaty: secret alliance against Japan and the Chinese Eastern Railway concession",
      "treaty", 10, "CHN RUS", "CHN-RUS", "paine1996;spence1990")
event("ev-1900-manchuria", "1900-07",
      "Russian troops occupy Manchuria during the Boxer war",
      "crisis or war", -10, "CHN RUS", "CHN-RUS", "paine1996;spence1990")
event("ev-1911-xinhai-revolution", "1911-10-10",
      "Revolution in Wuchang begins the fall of the Qing dynasty",
      "revolution", 0, "CHN", "", "spence1990")

# ---------------------------------------------------------------- 1917-1949
event("ev-1917-october-revolution", "1917-11-07",
      "Bolshevik revolution in Petrograd", "revolution", 0, "RUS", "",
      "hosking2001;gaddis2005", "25 October 1917 in the Julian calendar",
      mentions=[mention(M, M_SR, "1917", "the Bolshevik Revolution ended Russia's internal turmoil")])
event("ev-1921-ccp-founded", "1921-07-23",
      "Chinese Communist Party founded at its First Congress in Shanghai, with Comintern help",
      "revolution", 4, "CHN RUS", "CHN-RUS", "spence1990",
      "the party marks 1 July; the congress opened on 23 July 1921; the score codes the Comintern's support",
      mentions=[mention(M, M_SR, "1921", "organised in the summer of 1921 with Comintern help, with a few dozen founding members")])
event("ev-1923-sun-joffe", "1923-01-26",
      "Sun Yat-sen and the Soviet envoy Joffe open the way to Soviet aid for the Guomindang",
      "declaration", 4, "CHN RUS", "CHN-RUS", "spence1990",
      mentions=[mention(M, M_SR, None, "Soviet support for the Chinese revolution went back to Sun Yat-sen")])
event("ev-1927-shanghai-purge", "1927-04-12",
      "Chiang Kai-shek turns on the Communists in Shanghai; the Soviet advisers leave",
      "crisis or war", -6, "CHN RUS", "CHN-RUS", "spence1990")
event("ev-1929-cer-conflict", "1929-07",
      "Armed conflict between the Soviet Union and China over the Chinese Eastern Railway",
      "crisis or war", -10, "CHN RUS", "CHN-RUS",
      "https://www.chinadaily.com.cn/china/2008-07/21/content_6861827.htm",
      "the Soviet Union occupied the Heixiazi islands in this conflict; fighting ended by December 1929",
      end="1929-12")
event("ev-1931-mukden", "1931-09-18", "Japan invades Manchuria after the Mukden incident",
      "crisis or war", -10, "CHN JPN", "CHN-JPN", "spence1990",
      mentions=[mention(M, M_SR, "1931", "the Japanese invasion led to an uneasy truce between Communists and Nationalists",
                        "sequence",
                        "the truce (the second united front) came only after the Xi'an incident of December 1936; Nationalists and Communists fought on in the early 1930s")])
event("ev-1936-xian-incident", "1936-12-12",
      "Xi'an incident forces a Nationalist-Communist truce against Japan",
      "domestic politics", 0, "CHN", "", "spence1990",
      mentions=[mention(M, M_SR, None, "an uneasy, temporary truce to fight Japan")])
event("ev-1937-non-aggression-pact", "1937-08-21",
      "Sino-Soviet non-aggression pact; Soviet arms and advisers for China's war against Japan",
      "treaty", 8, "CHN RUS", "CHN-RUS", "spence1990")
event("ev-1945-soviet-attack-manchuria", "1945-08-09",
      "Soviet Union attacks the Japanese army in Manchuria",
      "crisis or war", -10, "JPN RUS", "JPN-RUS", "westad2003")
event("ev-1945-sino-soviet-treaty", "1945-08-14",
      "Treaty of Friendship and Alliance between the Soviet Union and the Nationalist government",
      "treaty", 10, "CHN RUS", "CHN-RUS", "westad2003")
event("ev-1945-japan-surrenders", "1945-09-02", "Japan surrenders",
      "crisis or war", 0, "CHN JPN", "", "spence1990;westad2003",
      mentions=[mention(M, M_SR, "1945", "the truce between Communists and Nationalists ended with Japan's surrender")])
event("ev-1946-civil-war-resumes", "1946-06",
      "Full-scale civil war resumes between Nationalists and Communists",
      "crisis or war", 0, "CHN", "", "westad2003",
      mentions=[mention(M, M_SR, "1945", "after the surrender the two sides relaunched a full-scale war, the Soviets arming Mao",
                        "date", "full-scale war followed in mid-1946, after the failure of US mediation")])
event("ev-1949-prc-proclaimed", "1949-10-01", "Mao proclaims the People's Republic of China",
      "revolution", 0, "CHN", "", "spence1990")
event("ev-1949-ussr-recognises-prc", "1949-10-02",
      "The Soviet Union is the first state to recognise the People's Republic",
      "declaration", 4, "CHN RUS", "CHN-RUS", "westad2003;garver2016")
event("ev-1949-chiang-leaves-mainland", "1949-12-10",
      "Chiang Kai-shek leaves the mainland for Taiwan as the Nationalist government moves to Taipei",
      "crisis or war", -10, "CHN TWN", "CHN-TWN", "westad2003",
      mentions=[mention(M, M_SR, "1950", "the civil war lasted until 1950, when Chiang fled to Taiwan",
                        "date", "Chiang left the mainland in December 1949; fighting went on into 1950 (Hainan)")])
event("ev-1949-mao-in-moscow", "1949-12-16", "Mao in Moscow for two months of talks with Stalin",
      "summit", 2, "CHN RUS", "CHN-RUS", "goncharov1993", end="1950-02-17")
event("ev-1950-alliance-treaty", "1950-02-14",
      "Sino-Soviet Treaty of Friendship, Alliance and Mutual Assistance",
      "treaty", 10, "CHN RUS", "CHN-RUS", "goncharov1993;treaty1950",
      mentions=[mention(B, "§2.1", "1950", "Mao's and Stalin's strategic alliance of 1950")])
event("ev-1950-hainan", "1950-05",
      "Communist forces take Hainan island, ending the main campaigns of the civil war",
      "crisis or war", -10, "CHN TWN", "CHN-TWN", "westad2003",
      mentions=[mention(M, M_SR, "1950", "the civil war lasted until 1950")])

# ---------------------------------------------------------------- 1950-1991
event("ev-1950-korean-war", "1950-06-25",
      "Korean War: the Soviet Union backs the North against US-led forces",
      "crisis or war", -8, "PRK KOR USA RUS", "RUS-USA", "gaddis2005;goncharov1993",
      end="1953-07-27",
      mentions=[mention(M, M_RU, None, "the superpowers fought proxy wars from Korea to Afghanistan")])
event("ev-1950-china-enters-korea", "1950-10-19",
      "Chinese troops enter the Korean War against US-led forces",
      "crisis or war", -10, "CHN USA", "CHN-USA", "goncharov1993", end="1953-07-27")
event("ev-1953-stalin-dies", "1953-03-05",
      "Stalin dies; Beijing mourns him officially for three days",
      "domestic politics", 2, "CHN RUS", "CHN-RUS", "luthi2008;garver2016",
      mentions=[mention(M, M_SR, "1953", "the PRC marked Stalin's death with three days of mourning and an article by Mao")])
event("ev-1954-khrushchev-in-beijing", "1954-09-29",
      "Khrushchev's first visit to Beijing: Port Arthur to be returned and aid expanded",
      "summit", 6, "CHN RUS", "CHN-RUS", "garver2016", end="1954-10-12")
event("ev-1954-indochina-restraint", "1954-04",
      "Britain declines to join a US intervention to relieve the French at Dien Bien Phu",
      "crisis or war", -2, "GBR USA", "GBR-USA", "machaffie2011",
      "the book's bibliography has no second source for this episode",
      mentions=[mention(M, M_SD, "1954", "Britain restrained the US in Indochina in 1954: even reliable allies restrain each other")])
event("ev-1956-secret-speech", "1956-02-25",
      "Khrushchev denounces Stalin at the 20th Party Congress, to Mao's dismay",
      "domestic politics", -2, "CHN RUS", "CHN-RUS", "luthi2008",
      mentions=[mention(M, M_SR, None, "de-Stalinisation, more than coexistence with the US, troubled Mao")])
event("ev-1957-nuclear-accord", "1957-10-15",
      "New Defence Technical Accord: Moscow promises help with China's nuclear weapons",
      "arms transfer", 8, "CHN RUS", "CHN-RUS", "luthi2008")
event("ev-1958-taiwan-strait-crisis", "1958-08-23",
      "PLA shells Jinmen: second Taiwan Strait crisis",
      "crisis or war", -10, "CHN TWN", "CHN-TWN", "luthi2008")
event("ev-1959-nuclear-aid-withdrawn", "1959-06-20",
      "Moscow reneges on supplying China a prototype atomic bomb",
      "sanctions or rupture", -6, "CHN RUS", "CHN-RUS", "luthi2008",
      mentions=[mention(M, M_SR, None, "Khrushchev denied China certain nuclear technology")])
event("ev-1959-camp-david", "1959-09-15",
      "Khrushchev visits the United States: peaceful coexistence at Camp David",
      "summit", 2, "RUS USA", "RUS-USA", "gaddis2005", end="1959-09-27",
      mentions=[mention(M, M_SR, None, "Khrushchev's peaceful coexistence with the US, which China ostensibly supported")])
event("ev-1960-soviet-experts-recalled", "1960-07-16",
      "The Soviet Union recalls its experts from China",
      "sanctions or rupture", -6, "CHN RUS", "CHN-RUS", "luthi2008")
event("ev-1962-cuban-missile-crisis", "1962-10-16", "Cuban missile crisis",
      "crisis or war", -8, "RUS USA", "RUS-USA", "gaddis2005", end="1962-10-28")
event("ev-1963-open-letter", "1963-07-14",
      "Soviet party's open letter takes the polemics with Beijing into public",
      "declaration", -2, "CHN RUS", "CHN-RUS", "luthi2008")
event("ev-1963-test-ban-treaty", "1963-08-05",
      "Limited Test Ban Treaty signed by the Soviet Union, the US and Britain",
      "treaty", 6, "RUS USA GBR", "RUS-USA", "gaddis2005")
event("ev-1964-khrushchev-ousted", "1964-10-14",
      "Khrushchev ousted; Brezhnev leads the Soviet party",
      "domestic politics", 0, "RUS", "", "luthi2008",
      mentions=[mention(M, M_SR, "1964", "Khrushchev was removed by 1964 and Brezhnev made relations with Beijing worse")])
event("ev-1964-chinese-bomb", "1964-10-16", "China tests its first atomic bomb",
      "domestic politics", 0, "CHN", "", "garver2016")
event("ev-1966-party-ties-cut", "1966-03",
      "Chinese party refuses to attend the Soviet party congress; party relations lapse",
      "sanctions or rupture", -6, "CHN RUS", "CHN-RUS", "luthi2008")
event("ev-1966-cultural-revolution", "1966-05-16", "Mao launches the Cultural Revolution",
      "domestic politics", 0, "CHN", "", "spence1990",
      mentions=[mention(M, M_SR, None, "isolated after the border clashes, China turned inward and Mao began the Cultural Revolution",
                        "sequence", "the Cultural Revolution began in 1966, three years before the border clashes of 1969")])
event("ev-1968-czechoslovakia", "1968-08-20",
      "China condemns the Soviet-led invasion of Czechoslovakia",
      "crisis or war", -2, "CHN RUS CSK", "CHN-RUS",
      "https://en.wikipedia.org/wiki/Ussuri_River_Skirmish")
event("ev-1969-zhenbao-clashes", "1969-03-02",
      "Soviet and Chinese troops clash on Zhenbao (Damansky) Island in the Ussuri",
      "border", -10, "CHN RUS", "CHN-RUS",
      "robinson1972;https://en.wikipedia.org/wiki/Ussuri_River_Skirmish",
      "the main engagements were on 2 and 15 March 1969", end="1969-03-15",
      mentions=[mention(M, M_SR, None, "border disputes under Brezhnev led to armed clashes that surprised Western observers"),
                mention(B, "§2.1", None, "border disputes kept producing tension throughout the Cold War")])
event("ev-1969-tielieketi-clash", "1969-08-13",
      "Border clash at Tielieketi on the Xinjiang frontier",
      "border", -10, "CHN RUS", "CHN-RUS", "https://en.wikipedia.org/wiki/Ussuri_River_Skirmish")
event("ev-1969-kosygin-zhou", "1969-09-11",
      "Kosygin and Zhou Enlai meet at Beijing airport and agree to defuse the border crisis",
      "summit", 2, "CHN RUS", "CHN-RUS",
      "robinson1972;https://en.wikipedia.org/wiki/Ussuri_River_Skirmish")
event("ev-1969-border-talks-open", "1969-10",
      "Sino-Soviet border negotiations open in Beijing",
      "border", 2, "CHN RUS", "CHN-RUS", "https://en.wikipedia.org/wiki/Ussuri_River_Skirmish")
event("ev-1971-kissinger-in-beijing", "1971-07-09",
      "Kissinger's secret visit to Beijing", "summit", 2, "CHN USA", "CHN-USA", "macmillan2007",
      end="1971-07-11",
      mentions=[mention(M, M_SR, None, "in the early 1970s Beijing and the Nixon White House moved towards normal relations")])
event("ev-1971-un-seat", "1971-10-25",
      "General Assembly gives China's seat to the People's Republic over US opposition",
      "UN vote or veto", -4, "CHN USA TWN", "CHN-USA", "mann1999",
      "Resolution 2758; the US had tried to keep a seat for Taipei")
event("ev-1972-nixon-in-china", "1972-02-21",
      "Nixon visits China; the Shanghai Communique", "summit", 6, "CHN USA", "CHN-USA",
      "macmillan2007", end="1972-02-28",
      mentions=[mention(B, "§2.1", None, "China chose to align with Washington in the late 1960s",
                        "date", "the opening to Washington came in 1971-72, after the 1969 clashes")])
event("ev-1972-salt", "1972-05-26", "SALT I and the ABM Treaty signed in Moscow",
      "treaty", 6, "RUS USA", "RUS-USA", "gaddis2005",
      mentions=[mention(M, M_SR, None, "the Sino-American opening helped bring about US-Soviet detente")])
event("ev-1976-mao-dies", "1976-09-09", "Mao Zedong dies", "domestic politics", 0, "CHN", "",
      "spence1990")
event("ev-1978-normalisation-announced", "1978-12-15",
      "The US and the People's Republic announce they will establish diplomatic relations",
      "declaration", 6, "CHN USA", "CHN-USA", "mann1999",
      mentions=[mention(M, M_SR, "1978", "normalisation of relations between the PRC and the US in 1978")])
event("ev-1978-reform-and-opening", "1978-12-18",
      "Third Plenum of the Chinese party opens the way to market reforms",
      "domestic politics", 0, "CHN", "", "spence1990",
      "the plenum met from 18 to 22 December 1978",
      mentions=[mention(B, "§2.1", "1978", "market reforms at the end of the 1970s paved the way for change in China")])
event("ev-1979-us-prc-relations", "1979-01-01",
      "Diplomatic relations between the US and the People's Republic take effect",
      "declaration", 6, "CHN USA TWN", "CHN-USA",
      "mann1999;https://en.wikipedia.org/wiki/Taiwan_Security_Enhancement_Act",
      mentions=[mention(M, M_SR, "1978", "normalisation of relations between the PRC and the US in 1978",
                        "date", "announced on 15 December 1978; relations were established on 1 January 1979")])
event("ev-1979-china-attacks-vietnam", "1979-02-17",
      "China invades Vietnam, the Soviet Union's treaty ally",
      "crisis or war", -8, "CHN VNM RUS", "CHN-RUS", "garver2016", end="1979-03-16")
event("ev-1979-treaty-not-renewed", "1979-04-03",
      "China announces it will not renew the 1950 alliance treaty",
      "sanctions or rupture", -6, "CHN RUS", "CHN-RUS", "garver2016",
      "the treaty lapsed in April 1980", end="1980-04-11")
event("ev-1979-soviet-invasion-afghanistan", "1979-12-25",
      "Soviet invasion of Afghanistan, opposed by the US and China",
      "crisis or war", -8, "RUS AFG USA CHN", "RUS-USA CHN-RUS", "gaddis2005;garver2016",
      end="1989-02-15",
      mentions=[mention(M, M_RU, None, "the superpowers fought proxy wars from Korea to Afghanistan")])
event("ev-1982-tashkent-speech", "1982-03-24",
      "Brezhnev's Tashkent speech offers Beijing better relations",
      "declaration", 2, "CHN RUS", "CHN-RUS", "garver2016")
event("ev-1982-consultations-begin", "1982-10",
      "Sino-Soviet political consultations at vice-minister level begin",
      "summit", 2, "CHN RUS", "CHN-RUS", "garver2016;https://www.cia.gov/readingroom/document/cia-rdp04t00367r000201500001-5",
      "Brezhnev died on 10 November 1982, a month after the first round",
      mentions=[mention(M, M_SR, "1984", "high-level talks began in 1984 between the post-Mao and post-Brezhnev leaderships",
                        "sequence", "regular consultations began in October 1982, while Brezhnev was alive; 1984 brought the first high-level visit")])
event("ev-1984-arkhipov-visit", "1984-12-21",
      "Soviet First Deputy Premier Arkhipov in Beijing: economic and technical agreements",
      "summit", 6, "CHN RUS", "CHN-RUS",
      "garver2016;https://cia.gov/readingroom/node/1623115", end="1984-12-29",
      mentions=[mention(M, M_SR, "1984", "high-level discussions between the two leaderships began in 1984")])
event("ev-1986-vladivostok-speech", "1986-07-28",
      "Gorbachev's Vladivostok speech offers concessions to China",
      "declaration", 4, "CHN RUS", "CHN-RUS", "garver2016")
event("ev-1988-geneva-accords", "1988-04-14",
      "Geneva Accords on the Soviet withdrawal from Afghanistan",
      "treaty", 6, "RUS USA AFG PAK", "RUS-USA", "gaddis2005")
event("ev-1989-gorbachev-in-beijing", "1989-05-15",
      "Gorbachev-Deng summit normalises Sino-Soviet relations",
      "summit", 6, "CHN RUS", "CHN-RUS", "garver2016;wishnick2001", end="1989-05-18")
event("ev-1989-tiananmen", "1989-06-04", "Army crushes the Tiananmen Square protests",
      "domestic politics", 0, "CHN", "", "spence1990",
      mentions=[mention(M, M_SR, "1989", "fears for regime stability after Tiananmen led Beijing to compromise on border disputes"),
                mention(M, M_AF, "1989", "the Tiananmen massacre strained Sino-American relations")])
event("ev-1989-us-suspends-arms-sales", "1989-06-05",
      "The US suspends military sales and contacts with China after Tiananmen",
      "sanctions or rupture", -6, "CHN USA", "CHN-USA", "mann1999",
      mentions=[mention(M, M_AF, "1989", "the Tiananmen massacre strained Sino-American relations")])
event("ev-1989-malta-summit", "1989-12-02", "Bush-Gorbachev summit at Malta",
      "summit", 2, "RUS USA", "RUS-USA", "gaddis2005", end="1989-12-03")
event("ev-1990-border-force-guidelines", "1990-04-24",
      "Agreement on guidelines for reducing forces and building confidence along the border",
      "border", 6, "CHN RUS", "CHN-RUS", "https://cis-legislation.com/document.fwx?rgn=3872")
event("ev-1991-eastern-border-agreement", "1991-05-16",
      "Agreement on the eastern section of the Sino-Soviet border",
      "border", 6, "CHN RUS", "CHN-RUS",
      "fravel2008;https://www.reuters.com/article/us-china-russia-border/china-signs-border-demarcation-pact-with-russia-idUKPEK29238620080721",
      mentions=[mention(M, M_SR, None, "boundary and border issues have since been largely settled")])
event("ev-1991-ussr-dissolved", "1991-12-26",
      "The Soviet Union is dissolved; Russia continues its seat and treaties",
      "domestic politics", 0, "RUS", "", "gaddis2005",
      "Gorbachev resigned on 25 December 1991",
      mentions=[mention(M, M_AF, "1991", "the military-technical agreement came a year after the Soviet Union collapsed"),
                mention(B, "§2.1", None, "the collapse of the USSR began an improvement in relations")])
event("ev-1991-china-recognises-russia", "1991-12",
      "China recognises the Russian Federation as the Soviet Union's successor",
      "declaration", 4, "CHN RUS", "CHN-RUS", "wishnick2001")

# ---------------------------------------------------------------- 1992-2000
event("ev-1992-collective-security-treaty", "1992-05-15",
      "Collective Security Treaty signed in Tashkent",
      "organisation", 10, "RUS ARM KAZ KGZ TJK UZB", "ARM-RUS KAZ-RUS KGZ-RUS RUS-TJK RUS-UZB",
      "https://iiab.me/kiwix/content/wikipedia_en_top_maxi_2022-11/A/Collective_Security_Treaty_Organisation",
      "in force 20 April 1994; chartered as the CSTO on 7 October 2002", organisations=["CSTO"])
event("ev-1992-tajik-civil-war", "1992-05",
      "Civil war in Tajikistan between the government and an Islamist-led opposition",
      "crisis or war", 0, "TJK", "", "cornell2002", "ended by the peace accord of June 1997", end="1997-06-27",
      mentions=[mention(B, "§2.2", None, "a civil war in Tajikistan soon after independence led its neighbours to outlaw most opposition movements")])
event("ev-1992-yeltsin-in-beijing", "1992-12-17",
      "Yeltsin's first visit to China: joint declaration and two dozen agreements",
      "summit", 6, "CHN RUS", "CHN-RUS",
      "wishnick2001;http://articles.chicagotribune.com/1992-12-19/news/9204250397_1_russian-president-boris-yeltsin-key-reformers-kremlin",
      "joint declaration signed on 18 December 1992", end="1992-12-19",
      mentions=[mention(B, "§2.1", "1992", "tentative cooperation in 1992-93 was followed by rapid improvement")])
event("ev-1992-military-technical-agreement", "1992-12",
      "Memorandum on military-technical cooperation signed during Yeltsin's visit",
      "arms transfer", 8, "CHN RUS", "CHN-RUS",
      "wishnick2001;http://articles.chicagotribune.com/1992-12-19/news/9204250397_1_russian-president-boris-yeltsin-key-reformers-kremlin",
      mentions=[mention(M, M_AF, "1992-12", "an agreement of December 1992 to cooperate on military-technical matters, after which Russia supplied China with more hardware than all other states combined")])
event("ev-1992-su27-deliveries", "1992",
      "First Su-27 fighters delivered to China",
      "arms transfer", 8, "CHN RUS", "CHN-RUS",
      "http://www.independent.co.uk/news/world/yeltsin-hails-new-era-in-russian-relations-with-china-1564195.html",
      mentions=[mention(M, M_SR, None, "Russia, in need of money and with surplus hardware, began selling arms to China")])
event("ev-1992-border-talks", "1992",
      "Russia, Kazakhstan, Kyrgyzstan and Tajikistan negotiate border and confidence-building measures with China",
      "border", 2, "CHN RUS KAZ KGZ TJK", "CHN-RUS CHN-KAZ CHN-KGZ CHN-TJK", "chung2004", end="1995",
      mentions=[mention(B, "§2.2", "1992", "between 1992 and 1995 the four states held delineation, demarcation and confidence-building talks with China")])
event("ev-1994-partnership-for-peace", "1994-06-22",
      "Russia joins NATO's Partnership for Peace", "organisation", 4, "RUS USA", "RUS-USA",
      "stent2014", organisations=["NATO"],
      mentions=[mention(M, M_RU, "1994", "NATO and Russia held dialogues, first in the Partnership for Peace from 1994")])
event("ev-1994-jiang-in-moscow", "1994-09",
      "Jiang Zemin's state visit to Moscow: a 'constructive partnership' and the western border agreement",
      "summit", 6, "CHN RUS", "CHN-RUS", "wishnick2001")
event("ev-1996-yeltsin-in-beijing", "1996-04-25",
      "Yeltsin and Jiang proclaim a 'strategic partnership' for the 21st century",
      "summit", 6, "CHN RUS", "CHN-RUS",
      "http://oldtmt.vedomosti.ru/sitemap/free/1996/4/article/yeltsin-jiang-herald-new-age-with-accord/325070.html;https://todaychina.cc/50675.html",
      mentions=[mention(B, "§2.1", "1997", "the year after the Shanghai meeting of 1996 the presidents committed to a strategic partnership",
                        "date", "the strategic partnership was announced in April 1996; the April 1997 declaration restated it")])
event("ev-1996-shanghai-five", "1996-04-26",
      "Shanghai summit of five states: agreement on military confidence building in the border areas",
      "organisation", 6, "CHN RUS KAZ KGZ TJK", "CHN-RUS CHN-KAZ CHN-KGZ CHN-TJK",
      "shanghai1996;https://www.rferl.org/a/1080434.html", organisations=["SHANGHAI5"],
      mentions=[mention(B, "§2.1", "1996", "the Shanghai cooperation began in 1996"),
                mention(B, "§2.2", "1996", "the five leaders met in Shanghai and settled a number of border disputes")])
event("ev-1996-taliban-take-kabul", "1996-09-27", "The Taliban take Kabul",
      "crisis or war", 0, "AFG", "", "rashid2000",
      mentions=[mention(B, "§2.2", "1996", "the Taliban came to power in 1996 and inspired Islamist groups across the region")])
event("ev-1997-jiang-in-moscow", "1997-04-23",
      "Jiang in Moscow: joint declaration on a multipolar world and a new international order",
      "summit", 4, "CHN RUS", "CHN-RUS", "https://jamestown.org/program/presidents-sign-border-agreement/",
      mentions=[mention(B, "§2.1", "1997", "the presidents announced a commitment to a strategic partnership")])
event("ev-1997-border-force-reduction", "1997-04-24",
      "Five-state agreement on the mutual reduction of military forces in the border areas",
      "border", 6, "CHN RUS KAZ KGZ TJK", "CHN-RUS CHN-KAZ CHN-KGZ CHN-TJK",
      "https://www.rferl.org/a/1084617.html;https://nuke.fas.org/control/mrmfba/index.html",
      organisations=["SHANGHAI5"],
      mentions=[mention(B, "§2.2", "1997", "in 1997 the five agreed to demilitarise their border regions")])
event("ev-1997-nato-russia-founding-act", "1997-05-27", "NATO-Russia Founding Act signed in Paris",
      "organisation", 6, "RUS USA", "RUS-USA", "nato1997;stent2014", organisations=["NATO"])
event("ev-1997-yeltsin-in-beijing", "1997-11",
      "Yeltsin in Beijing: demarcation of the eastern border declared complete",
      "summit", 6, "CHN RUS", "CHN-RUS", "wishnick2001")
event("ev-1998-almaty-summit", "1998-07",
      "Shanghai Five summit in Almaty turns to separatism, extremism and terrorism",
      "organisation", 4, "CHN RUS KAZ KGZ TJK", "CHN-RUS", "chung2004", organisations=["SHANGHAI5"],
      mentions=[mention(B, "§2.2", "1998", "from 1998 the fight against the 'three evils' became a main cause of the group")])
event("ev-1998-jiang-in-moscow", "1998-11",
      "Jiang's informal summit with Yeltsin in Moscow", "summit", 2, "CHN RUS", "CHN-RUS",
      "wishnick2001")
event("ev-1999-nato-enlargement", "1999-03-12",
      "NATO admits the Czech Republic, Hungary and Poland over Russian objections",
      "organisation", -2, "RUS USA CZE HUN POL", "RUS-USA", "nato_members;stent2014",
      organisations=["NATO"],
      mentions=[mention(B, "§4.2.5", None, "NATO's eastward expansion strengthened Sino-Russian ties (Feng, Li)")])
event("ev-1999-kosovo-bombing", "1999-03-24",
      "NATO bombs Yugoslavia over Kosovo without a Security Council mandate; Russia freezes its ties with NATO",
      "crisis or war", -6, "USA RUS SRB", "RUS-USA", "stent2014", end="1999-06-10",
      organisations=["NATO"],
      mentions=[mention(M, M_RU, "1999", "Russia opposed the bombing and kept the Security Council from authorising it")])
event("ev-1999-kosovo-draft-defeated", "1999-03-26",
      "Russia and China vote together for a draft demanding a halt to the bombing; it is defeated",
      "UN vote or veto", 4, "CHN RUS", "CHN-RUS", "unsc1999",
      mentions=[mention(M, M_RU, "1999", "Russia sought an immediate end to the hostilities with Chinese support")])
event("ev-1999-belgrade-embassy-bombing", "1999-05-07",
      "NATO aircraft bomb the Chinese embassy in Belgrade", "crisis or war", -8,
      "CHN USA", "CHN-USA", "garver2016", "the US called it a targeting error",
      organisations=["NATO"])
event("ev-1999-yeltsin-in-beijing", "1999-12",
      "Yeltsin's last visit to Beijing", "summit", 2, "CHN RUS", "CHN-RUS", "wishnick2001")
event("ev-1999-putin-acting-president", "1999-12-31",
      "Yeltsin resigns; Putin becomes acting president", "domestic politics", 0, "RUS", "",
      "stent2014", "Putin was elected in March 2000",
      mentions=[mention(B, "§5.1.2", "1999", "when Putin assumed the presidency in 1999, Chechnya was at the top of his agenda")])
event("ev-2000-taiwan-security-bill", "2000-02-01",
      "US House passes the Taiwan Security Enhancement Act, which never becomes law",
      "declaration", -4, "CHN USA", "CHN-USA",
      "https://en.wikipedia.org/wiki/Taiwan_Security_Enhancement_Act",
      "the Senate never voted on it; Beijing protested",
      mentions=[mention(B, "§4.2.5", None, "Li counts the US enacting of the Taiwan Security Enhancement Act among the causes of the rapprochement",
                        "fact", "the bill passed the House in February 2000 but was never enacted")])
event("ev-2000-putin-in-beijing", "2000-07-18",
      "Putin's first visit to Beijing as president: Beijing Declaration with Jiang",
      "summit", 4, "CHN RUS", "CHN-RUS", "lo2008", "visit of 17-19 July 2000",
      mentions=[mention(M, M_SCO, "2000-07-18", "Putin and Jiang met in Beijing on 18 July 2000, the eighth Russia-China summit since 1992")])

# ---------------------------------------------------------------- 2001-2011
event("ev-2001-sco-founded", "2001-06-15",
      "The Shanghai Cooperation Organisation is founded as Uzbekistan joins the Shanghai Five",
      "organisation", 6, "CHN RUS KAZ KGZ TJK UZB", "CHN-RUS CHN-UZB RUS-UZB",
      "sco2001;https://issi.org.pk/the-expanding-role-of-sco-strengthening-pakistans-regional-integration/",
      "the Shanghai Convention against terrorism, separatism and extremism was signed the same day",
      organisations=["SCO"],
      mentions=[mention(B, "§2.2", "2001", "the SCO was founded in 2001 when Uzbekistan joined"),
                mention(B, "§7 (references)", "2001-05-16", "the founding declaration, dated 16 May 2001 in the reference list",
                        "date", "the declaration was signed in Shanghai on 15 June 2001")])
event("ev-2001-good-neighbour-treaty", "2001-07-16",
      "Treaty of Good-Neighbourliness and Friendly Cooperation signed in Moscow",
      "treaty", 6, "CHN RUS", "CHN-RUS", "treaty2001;li2007",
      mentions=[mention(B, "§2.1", "2001", "the 2001 treaty confirmed the rapprochement")])
event("ev-2001-september-11", "2001-09-11",
      "Al-Qaeda attacks the United States; Putin is first to call Bush with support",
      "crisis or war", 4, "USA RUS", "RUS-USA", "stent2014",
      mentions=[mention(M, M_RU, "2001-09-11", "after the attacks of 11 September 2001 Russian-US relations improved markedly"),
                mention(B, "§2.2", "2001", "the attacks and the ensuing US presence changed the conditions of SCO cooperation")])
event("ev-2001-russia-backs-afghan-campaign", "2001-09-24",
      "Putin announces support for the US campaign in Afghanistan, including Central Asian access",
      "declaration", 8, "RUS USA", "RUS-USA", "stent2014",
      mentions=[mention(M, M_RU, None, "Russia supported the American intervention in Afghanistan"),
                mention(B, "§2.2", None, "Russia and China shared intelligence with the US in the war on terrorism")])
event("ev-2001-afghanistan-war", "2001-10-07",
      "US-led coalition attacks the Taliban in Afghanistan", "crisis or war", -10, "USA AFG",
      "AFG-USA", "stent2014;cooley2012",
      mentions=[mention(B, "§2.2", "2001", "the US toppled the Taliban regime in 2001, removing one threat behind the SCO's anti-terror work"),
                mention(M, M_RU, None, "Russia supported the American intervention in Afghanistan")])
event("ev-2001-k2-agreement", "2001-10",
      "Uzbekistan lets US forces use the Karshi-Khanabad air base",
      "military base", 8, "USA UZB", "USA-UZB", "cooley2012;cooley2008",
      mentions=[mention(B, "§2.2", None, "the regional states gave the US bases in Uzbekistan and Kyrgyzstan"),
                mention(B, "§4.1", None, "the two bases were pivotal in the first phase of Operation Enduring Freedom")])
event("ev-2001-manas-opened", "2001-12",
      "US-led coalition air base opens at Manas airport, Kyrgyzstan",
      "military base", 8, "USA KGZ", "KGZ-USA", "cooley2012;https://www.hubbry.com/Manas_Air_Base",
      mentions=[mention(M, M_RU, None, "the US had an air base at Manas to support operations in Afghanistan"),
                mention(B, "§2.2", None, "the regional states gave the US bases in Uzbekistan and Kyrgyzstan")])
event("ev-2001-abm-withdrawal", "2001-12-13",
      "The US gives notice of withdrawal from the ABM Treaty, against Russian and Chinese objections",
      "treaty", -4, "USA RUS CHN", "RUS-USA CHN-USA", "stent2014", "the withdrawal took effect in June 2002")
event("ev-2002-us-stay-pledge", "2002",
      "US leaders say their forces will stay in Central Asia until Afghanistan can secure itself",
      "declaration", 0, "USA", "", "simons2007",
      mentions=[mention(B, "§4.1", "2002", "Rumsfeld and Franks tied the US presence to Afghanistan's ability to provide its own security")])
event("ev-2002-moscow-treaty", "2002-05-24",
      "Moscow Treaty on strategic offensive reductions", "treaty", 6, "RUS USA", "RUS-USA",
      "stent2014")
event("ev-2002-nato-russia-council", "2002-05-28",
      "NATO-Russia Council created at the Rome summit", "organisation", 6, "RUS USA", "RUS-USA",
      "nato2002;stent2014", organisations=["NATO"],
      mentions=[mention(M, M_RU, "2002", "the NATO-Russia Council began in 2002, soon after the September 11 attacks"),
                mention(B, "§4.2.5", "2002", "a landmark deal between Russia and NATO in 2002 (Feng)")])
event("ev-2002-sco-charter", "2002-06-07",
      "SCO Charter signed at the St Petersburg summit, which also denounces 'power politics' and unilateralism",
      "organisation", 6, "CHN RUS KAZ KGZ TJK UZB", "CHN-RUS", "sco2002;chung2004",
      organisations=["SCO"],
      mentions=[mention(M, M_SCO, None, "the Charter sets mutual trust as a goal and lists areas of cooperation without mutual defence"),
                mention(B, "§4.2.4", "2002", "the 2002 St Petersburg summit restated the SCO's opposition to power politics and unilateralism")])
event("ev-2002-exercise-01", "2002-10-10",
      "Exercise-01: the first anti-terror exercise by SCO members, China and Kyrgyzstan",
      "exercise", 8, "CHN KGZ", "CHN-KGZ", "http://www.hrichina.org/hk/node/5239", end="2002-10-11",
      organisations=["SCO"],
      mentions=[mention(B, "§2.1", "2002", "in 2002 Russia and China held their first joint military manoeuvre since the 1950s",
                        "fact", "the 2002 exercise was Chinese-Kyrgyz; Russia took part with China first in Coalition-2003, and their first bilateral exercise was Peace Mission 2005")])
event("ev-2002-crawford-summit", "2002-10-25",
      "Jiang visits Bush at Crawford: a 'constructive cooperative relationship'",
      "summit", 4, "CHN USA", "CHN-USA", "feng2007;garver2016",
      mentions=[mention(B, "§4.2.5", "2002", "the same year the Chinese and US presidents sought a constructive cooperative relationship (Feng)")])
event("ev-2003-iraq-opposition", "2003-02-10",
      "Russia, with France and Germany, opposes the planned war on Iraq",
      "declaration", -4, "RUS FRA DEU USA", "RUS-USA", "stent2014",
      mentions=[mention(B, "§4.2.5", None, "the US-led invasion of Iraq pushed Russia and China together (Feng)")])
event("ev-2003-un-coordination-iraq", "2003-02",
      "Russia and China coordinate their opposition to the Iraq war at the United Nations",
      "UN vote or veto", 4, "CHN RUS", "CHN-RUS", "li2007",
      mentions=[mention(B, "§2.1", None, "joint opposition at the UN to the proposed US-led invasion of Iraq")])
event("ev-2003-iraq-invasion", "2003-03-20", "US-led invasion of Iraq",
      "crisis or war", -10, "USA IRQ", "IRQ-USA", "stent2014",
      mentions=[mention(B, "§4.2.5", None, "the invasion of Iraq and the attempt to dominate the Middle East"),
                mention(B, "§4.2.5, on Ferdinand", "2003", "2003 was a turning point in Sino-Russian relations (Ferdinand)")])
event("ev-2003-coalition-2003", "2003-08-06",
      "Coalition-2003: the first multilateral SCO exercise, with Chinese and Russian forces",
      "exercise", 8, "CHN RUS KAZ KGZ TJK", "CHN-RUS", "http://en.people.cn/90786/8313722.html",
      end="2003-08-12", organisations=["SCO"])
event("ev-2003-kant-air-base", "2003-10-23",
      "Russia opens the Kant air base in Kyrgyzstan, its first new base abroad since 1991",
      "military base", 8, "RUS KGZ", "KGZ-RUS",
      "cooley2012;http://en.kremlin.ru/events/president/news/29600",
      "at the opening the Kremlin spoke of ten to fifteen Su-27 and Su-25 aircraft and five hundred troops",
      organisations=["CSTO"],
      mentions=[mention(M, M_RU, None, "Russia's base in Kyrgyzstan, its first new foreign base since the Cold War")])
event("ev-2003-rose-revolution", "2003-11-23",
      "Rose Revolution in Georgia: Shevardnadze resigns", "revolution", 0, "GEO", "",
      "asmus2010",
      mentions=[mention(B, "§4.2.2", None, "alleged US support for the colour revolutions (Rose in Georgia)")])
event("ev-2004-nato-enlargement", "2004-03-29",
      "Seven states, the Baltic states among them, join NATO",
      "organisation", -2, "RUS USA EST LVA LTU", "RUS-USA", "nato_members;stent2014",
      organisations=["NATO"],
      mentions=[mention(B, "§4.2.4", None, "the SCO took Russia's side against NATO's eastward expansion")])
event("ev-2004-sco-rats", "2004-06",
      "SCO Regional Anti-Terrorist Structure opens in Tashkent",
      "organisation", 6, "CHN RUS KAZ KGZ TJK UZB", "CHN-RUS", "chung2004", organisations=["SCO"],
      mentions=[mention(B, "§2.2", "2004", "an anti-terrorist structure to share intelligence was set up in 2004")])
event("ev-2004-putin-sphere-speech", "2004",
      "Putin calls Russia's leading role in the former Soviet republics a priority of its foreign policy",
      "declaration", 0, "RUS", "", "sakwa2008",
      mentions=[mention(B, "§4.1", "2004", "in a 2004 speech to diplomats Putin stressed Russia's leadership in its former republics")])
event("ev-2004-river-islands", "2004-10-14",
      "Complementary agreement on the eastern border divides Bolshoi Ussuriysky and gives Tarabarov to China",
      "border", 6, "CHN RUS", "CHN-RUS",
      "fravel2008;http://www.china.org.cn/international/60znwj/node_7077065.htm",
      mentions=[mention(M, M_SR, "2004-10", "in October 2004 the two divided control of two disputed river islands")])
event("ev-2004-orange-revolution", "2004-11-22", "Orange Revolution in Ukraine",
      "revolution", 0, "UKR", "", "stent2014", end="2005-01-23",
      mentions=[mention(B, "§4.2.2", None, "alleged US support for the colour revolutions (Orange in Ukraine)")])
event("ev-2005-tulip-revolution", "2005-03-24",
      "Tulip Revolution in Kyrgyzstan: Akayev ousted", "revolution", 0, "KGZ", "",
      "cooley2008;cooley2012",
      mentions=[mention(B, "§4.2.1", "2005-03", "the new Kyrgyz government demanded new terms for the US base"),
                mention(B, "§4.2.2", None, "alleged US support for the colour revolutions (Tulip in Kyrgyzstan)")])
event("ev-2005-andijan", "2005-05-13",
      "Uzbek forces fire on protesters in Andijan; the US calls for an international inquiry",
      "crisis or war", -4, "UZB USA", "USA-UZB", "cooley2008;cooley2012",
      mentions=[mention(B, "§4.2.1", "2005", "after the crackdown the US criticised Tashkent and called for an investigation")])
event("ev-2005-world-order-statement", "2005-07-01",
      "China-Russia joint statement on the international order of the 21st century",
      "declaration", 4, "CHN RUS", "CHN-RUS", "lo2008")
event("ev-2005-sco-observers", "2005-07-05",
      "SCO Astana summit makes India, Iran and Pakistan observers",
      "organisation", 4, "CHN RUS KAZ KGZ TJK UZB IND IRN PAK", "CHN-RUS",
      "sco2005;https://issi.org.pk/the-expanding-role-of-sco-strengthening-pakistans-regional-integration/",
      organisations=["SCO"],
      mentions=[mention(B, "§4.2.4", "2005", "the observer status of India, Iran and Pakistan signalled the SCO might step up balancing"),
                mention(M, M_AF, None, "India is an SCO observer; Russia wants it as a member, China prefers Pakistan")])
event("ev-2005-sco-bases-timetable", "2005-07-05",
      "SCO Astana declaration asks the US-led coalition to set a date to leave its Central Asian bases",
      "declaration", -4, "CHN RUS KAZ KGZ TJK UZB USA", "RUS-USA CHN-USA", "sco2005;pan2005",
      organisations=["SCO"],
      mentions=[mention(B, "§4.2.1", "2005", "the SCO called on the US to set a timetable for withdrawal from its bases")])
event("ev-2005-k2-eviction", "2005-07-29",
      "Uzbekistan gives the US notice to leave the Karshi-Khanabad base",
      "military base", -6, "UZB USA", "USA-UZB",
      "http://www.washingtonpost.com/wp-dyn/content/article/2005/08/26/AR2005082601712.html",
      mentions=[mention(B, "§4.2.1", "2005", "later in 2005 the US left the base in Uzbekistan")])
event("ev-2005-peace-mission", "2005-08-18",
      "Peace Mission 2005, the first bilateral Sino-Russian exercise", "exercise", 8,
      "CHN RUS", "CHN-RUS", "http://en.people.cn/90786/8313722.html", end="2005-08-25",
      mentions=[mention(B, "§2.1", "2005", "a second joint drill followed in 2005")])
event("ev-2005-k2-closed", "2005-11-21",
      "Last US forces leave Karshi-Khanabad", "military base", -4, "UZB USA", "USA-UZB",
      "https://en.academic.ru/dic.nsf/enwiki/1118377",
      mentions=[mention(B, "§4.2.1", "2005", "later in 2005 the US left the base in Uzbekistan")])
event("ev-2006-uzbekistan-rejoins-csto", "2006-06-23",
      "Uzbekistan rejoins the Collective Security Treaty Organization",
      "organisation", 6, "UZB RUS", "RUS-UZB", "http://gca.satrapia.com/+-csto-+",
      organisations=["CSTO"])
event("ev-2006-manas-deal", "2006-07",
      "The US and Kyrgyzstan agree on further US use of Manas at a much higher price",
      "military base", 6, "USA KGZ", "KGZ-USA", "cooley2008;cooley2012",
      mentions=[mention(B, "§4.2.1", "2005", "the US had to renegotiate a much more expensive deal with Kyrgyzstan",
                        "date", "talks began after the Tulip Revolution of 2005; the new terms were agreed in July 2006")])
event("ev-2007-munich-speech", "2007-02-10",
      "Putin's Munich speech attacks US unilateralism", "declaration", -2, "RUS USA", "RUS-USA",
      "stent2014;sakwa2008")
event("ev-2007-peace-mission", "2007-08-09",
      "Peace Mission 2007 in Chelyabinsk and Urumqi", "exercise", 8,
      "CHN RUS KAZ KGZ TJK UZB", "CHN-RUS",
      "https://vdocument.in/advanced-research-and-assessment-group.html", end="2007-08-17",
      organisations=["SCO"],
      mentions=[mention(B, "§2.1", "2007", "a third joint drill followed in 2007")])
event("ev-2008-kosovo-independence", "2008-02-17",
      "Kosovo declares independence; the US recognises it, Russia and China refuse",
      "crisis or war", -4, "SRB USA RUS CHN", "RUS-USA CHN-USA", "stent2014",
      "Kosovo has no ISO 3166 code of its own; COW codes it 347",
      mentions=[mention(M, M_RU, "2008-02", "Kosovo declared independence in February 2008; the US recognised it, Russia and China did not")])
event("ev-2008-bucharest-summit", "2008-04-03",
      "NATO's Bucharest summit declares that Georgia and Ukraine will become members",
      "organisation", -4, "RUS USA GEO UKR", "RUS-USA", "asmus2010", organisations=["NATO"])
event("ev-2008-border-protocol", "2008-07-21",
      "Additional protocol completes the demarcation of the whole Russian-Chinese border",
      "border", 6, "CHN RUS", "CHN-RUS",
      "https://www.reuters.com/article/us-china-russia-border/china-signs-border-demarcation-pact-with-russia-idUKPEK29238620080721",
      "in force and marked on the ground on 14 October 2008")
event("ev-2008-georgia-war", "2008-08-08",
      "Russia-Georgia war over South Ossetia", "crisis or war", -10, "RUS GEO", "GEO-RUS",
      "asmus2010", end="2008-08-12",
      mentions=[mention(M, M_RU, "2008", "Georgia and Russia fought a brief war in 2008"),
                mention(M, M_SCO, "2008-08", "the August 2008 Russian invasion of Georgia, which the SCO did not support")])
event("ev-2008-recognition-abkhazia-south-ossetia", "2008-08-26",
      "Russia recognises Abkhazia and South Ossetia as independent states; the US condemns it",
      "crisis or war", -4, "RUS USA GEO", "RUS-USA", "asmus2010",
      mentions=[mention(M, M_RU, "2008", "Russia annexed South Ossetia and Abkhazia and recognised them as sovereign; the US condemned it",
                        "fact", "Russia recognised the two regions as independent states and kept troops there; it did not annex them")])
event("ev-2008-sco-dushanbe", "2008-08-28",
      "SCO summit in Dushanbe withholds support for Russia's recognition of the two regions",
      "organisation", -2, "RUS CHN KAZ KGZ TJK UZB", "CHN-RUS",
      "cooley2012;https://en.trend.az/world/other/1287466.html", organisations=["SCO"],
      mentions=[mention(M, M_SCO, "2008", "the SCO did not support the Russian invasion of Georgia")])
event("ev-2008-csto-moscow-summit", "2008-09-05",
      "CSTO summit blames Georgia and backs Russia's 'active role', but no ally recognises the two regions",
      "organisation", 4, "RUS ARM BLR KAZ KGZ TJK UZB", "ARM-RUS BLR-RUS KAZ-RUS KGZ-RUS RUS-TJK RUS-UZB",
      "http://odkb.gov.ru/official%20statements/azaengl.htm;http://www.aljazeera.com/news/europe/2008/09/20089519139294455.html",
      organisations=["CSTO"],
      mentions=[mention(M, M_SD, None, "the other CSTO states declined to endorse the invasion of Georgia: Russia was abandoned by its allies",
                        "fact", "the CSTO declaration blamed Georgia and supported Russia's role; what the allies withheld was recognition of the two regions")])
event("ev-2009-russian-aid-kyrgyzstan", "2009-02-03",
      "In Moscow, Russia pledges aid and credits to Kyrgyzstan as Bakiyev announces Manas will close",
      "energy and economy", 6, "RUS KGZ", "KGZ-RUS",
      "https://www.reuters.com/article/us-kyrgyzstan-usa-base/kyrgyzstan-mps-approve-closure-of-u-s-air-base-idUKTRE51I1BK20090219;http://cctv.com/english/20090205/107238.shtml")
event("ev-2009-csto-rapid-reaction-force", "2009-02-04",
      "CSTO leaders decide to create a Collective Rapid Reaction Force",
      "organisation", 8, "RUS ARM BLR KAZ KGZ TJK UZB", "ARM-RUS BLR-RUS KAZ-RUS KGZ-RUS RUS-TJK RUS-UZB",
      "http://cctv.com/english/20090205/107238.shtml;https://uzdaily.uz/en/csto-crrf-creation-remains-priority-task-medvedev;http://en.kremlin.ru/events/president/news/44970",
      "the agreement was signed on 14 June 2009, without Belarus and Uzbekistan; a later Kremlin page dates the decision 24 February 2009",
      end="2009-06-14", organisations=["CSTO"],
      mentions=[mention(M, M_SCO, "2009-02", "in February 2009 CSTO heads of state drafted a Rapid Reaction Force, half of it Russian")])
event("ev-2009-oil-for-loans", "2009-02",
      "China lends Russian oil companies in exchange for twenty years of oil deliveries",
      "energy and economy", 6, "CHN RUS", "CHN-RUS", "lukin2018")
event("ev-2009-manas-closure-vote", "2009-02-19",
      "Kyrgyz parliament votes to close the US base at Manas", "military base", -6,
      "KGZ USA", "KGZ-USA",
      "https://www.reuters.com/article/us-kyrgyzstan-usa-base/kyrgyzstan-mps-approve-closure-of-u-s-air-base-idUKTRE51I1BK20090219",
      mentions=[mention(M, M_RU, "2009", "in 2009 the Kyrgyz parliament voted to close the US base")])
event("ev-2009-reset", "2009-03-06",
      "Clinton and Lavrov press the 'reset' button in Geneva", "summit", 4, "RUS USA", "RUS-USA",
      "stent2014",
      mentions=[mention(M, M_RU, None, "the Obama administration attempted a reset in relations")])
event("ev-2009-manas-transit-centre", "2009-06-23",
      "Kyrgyzstan lets US forces stay at Manas as a 'transit centre' for a higher rent",
      "military base", 6, "KGZ USA", "KGZ-USA", "cooley2012;https://www.hubbry.com/Manas_Air_Base",
      mentions=[mention(M, M_RU, None, "the base was renamed a transit centre and the US paid a much higher rent")])
event("ev-2009-peace-mission", "2009-07-22",
      "Peace Mission 2009 in Khabarovsk and Jilin", "exercise", 8, "CHN RUS", "CHN-RUS",
      "http://tingroom.com/print_78538.html", end="2009-07-26", organisations=["SCO"])
event("ev-2010-february-drill", "2010-02",
      "Anti-terror exercise of China, Russia and Kazakhstan in Kazakhstan, as MacHaffie reports it",
      "exercise", 8, "CHN RUS KAZ", "CHN-RUS", "machaffie2011",
      "no other source in the book's data confirms an exercise in February 2010; see joint_exercises.csv",
      organisations=["SCO"],
      mentions=[mention(M, M_SCO, "2010-02", "an anti-terror drill in Kazakhstan in February 2010 with Chinese, Russian and Kazakh troops",
                        "unconfirmed", "the only source is MacHaffie's own (his notes 75-76, not in the text available)")])
event("ev-2010-bakiyev-ousted", "2010-04-07", "Uprising ousts Kyrgyz President Bakiyev",
      "revolution", 0, "KGZ", "", "cooley2012",
      mentions=[mention(M, M_RU, "2010", "the 2010 coup against Bakiyev may have been orchestrated by Russia over the Manas transit centre")])
event("ev-2010-new-start", "2010-04-08", "New START treaty signed in Prague", "treaty", 6,
      "RUS USA", "RUS-USA", "stent2014")
event("ev-2010-victory-day-parade", "2010-05-09",
      "US, British, French and Polish troops march in Moscow's Victory Day parade; Hu Jintao attends",
      "summit", 2, "RUS USA GBR FRA POL CHN", "RUS-USA CHN-RUS",
      "http://www.csmonitor.com/From-the-news-wires/2010/0510/For-the-first-time-Western-troops-march-on-Red-Square",
      mentions=[mention(M, M_RU, "2010", "troops from four NATO countries marched in the 2010 parade, with Hu Jintao present")])
event("ev-2010-peace-mission", "2010-09-09",
      "Peace Mission 2010 at Matybulak, Kazakhstan", "exercise", 8, "CHN RUS KAZ KGZ TJK",
      "CHN-RUS",
      "https://jamestown.org/program/chinas-growing-clout-in-the-sco-peace-mission-2010/;https://www.themoscowtimes.com/2010/09/13/chinese-russian-troops-join-central-asia-exercises-a1370",
      "reported totals differ between sources", end="2010-09-25", organisations=["SCO"])
event("ev-2011-espo-spur-opens", "2011-01-01",
      "Russian oil starts flowing to China through the pipeline spur to Daqing",
      "energy and economy", 6, "CHN RUS", "CHN-RUS", "lukin2018")
event("ev-2011-libya-resolution", "2011-03-17",
      "Security Council authorises a no-fly zone over Libya; China and Russia abstain",
      "UN vote or veto", 0, "USA RUS CHN LBY", "RUS-USA CHN-USA", "unsc1973",
      mentions=[mention(M, M_RU, "2011", "Russia and China both abstained on Resolution 1973")])
event("ev-2011-victory-day-parade", "2011-05-09",
      "Victory Day parade without foreign contingents", "summit", 0, "RUS", "",
      "machaffie2011", "only MacHaffie's statement; not checked against another source",
      mentions=[mention(M, M_RU, "2011", "no NATO troops were invited to the 2011 parade")])
event("ev-2011-syria-veto", "2011-10-04",
      "A Western draft resolution on Syria falls to Russian and Chinese vetoes",
      "UN vote or veto", -4, "USA RUS CHN SYR", "RUS-USA CHN-USA",
      "yordan2022;undhl_vetoes", "draft S/2011/612",
      mentions=[mention(M, M_RU, None, "both countries vetoed a tough resolution on Syria")])
event("ev-2011-syria-joint-veto", "2011-10-04",
      "China and Russia cast a joint veto on Syria", "UN vote or veto", 4, "CHN RUS", "CHN-RUS",
      "yordan2022;undhl_vetoes", "draft S/2011/612; the first of their joint vetoes on Syria",
      mentions=[mention(M, M_RU, None, "both countries vetoed a tough resolution on Syria")])

# ---------------------------------------------------------------- after the papers
event("ev-2012-joint-sea", "2012-04-22",
      "Joint Sea 2012, the first bilateral Sino-Russian naval exercise", "exercise", 8,
      "CHN RUS", "CHN-RUS", "http://en.people.cn/90883/7794713.html", end="2012-04-27")
event("ev-2012-kyrgyz-base-agreement", "2012-09-20",
      "Russia-Kyrgyzstan agreement keeps a unified Russian base for fifteen years from 2017",
      "military base", 8, "RUS KGZ", "KGZ-RUS",
      "http://rusnavy.com/news/navy/index.php?ELEMENT_ID=15982&print=Y;https://www.rferl.org/a/russia-kyrgyzstan-putin-atambaev/24714151.html",
      "renewable for five-year periods; Moscow had asked for 49 years, Bishkek had offered five",
      mentions=[mention(M, M_RU, None, "the new Kyrgyz government allowed the new Russian base a 49-year lease",
                        "fact", "Moscow asked for 49 years; the agreement signed in September 2012 runs for 15 years from 2017, renewable")])
event("ev-2013-xi-in-moscow", "2013-03-22",
      "Xi Jinping's first foreign visit as president is to Moscow", "summit", 4, "CHN RUS",
      "CHN-RUS", "lukin2018")
event("ev-2013-manas-termination-vote", "2013-06",
      "Kyrgyz parliament votes to end the US lease at Manas in 2014", "military base", -6,
      "KGZ USA", "KGZ-USA",
      "https://mideasti.blogspot.com/2014/06/us-hands-over-manas-to-kyrgyzstan.html;https://thomereview.com/2013/05/25/kyrgyzstan-boots-u-s-forces-air-base-set-for-2014-closure/")
event("ev-2014-crimea-veto", "2014-03-15",
      "Russia vetoes a draft declaring the Crimean referendum invalid; China abstains",
      "UN vote or veto", -4, "RUS USA", "RUS-USA", "yordan2022;undhl_vetoes", "draft S/2014/189")
event("ev-2014-crimea-annexed", "2014-03-18",
      "Russia annexes Crimea after seizing it with its forces", "crisis or war", -8,
      "RUS UKR", "RUS-UKR", "unga68262;lukin2018")
event("ev-2014-unga-crimea-vote", "2014-03-27",
      "General Assembly affirms Ukraine's territorial integrity; Russia votes against, China abstains",
      "UN vote or veto", -4, "RUS USA UKR", "RUS-USA", "unga68262")
event("ev-2014-power-of-siberia-contract", "2014-05-21",
      "Gazprom and CNPC sign a thirty-year contract for gas through the Power of Siberia pipeline",
      "energy and economy", 6, "CHN RUS", "CHN-RUS",
      "http://osw.waw.pl/en/publikacje/osw-commentary/2014-06-16/eastern-partnership-gas-gazprom-and-cnpc-strike-a-deal-gas")
event("ev-2014-manas-closed", "2014-06-03",
      "US forces hand the Manas transit centre back to Kyrgyzstan", "military base", -4,
      "USA KGZ", "KGZ-USA",
      "https://www.hubbry.com/Manas_Air_Base;https://mideasti.blogspot.com/2014/06/us-hands-over-manas-to-kyrgyzstan.html",
      mentions=[mention(M, M_RU, "2014", "the new Kyrgyz government would not renew the Manas lease beyond 2014")])
event("ev-2015-victory-day-xi", "2015-05-09",
      "Xi attends Moscow's Victory Day parade and a PLA honour guard marches", "summit", 4,
      "CHN RUS", "CHN-RUS", "http://www.bjreview.com.cn/world/txt/2015-05/18/content_688351.htm")
event("ev-2015-syria-intervention", "2015-09-30",
      "Russia begins air strikes in Syria in support of Assad", "crisis or war", -8,
      "RUS SYR USA", "RUS-USA",
      "https://sharecast.com/news/international-economic/russia-begins-airstrikes-in-syria-hours-after-approving-use-of-military-forces--880395.html")
event("ev-2016-joint-sea", "2016-09-12",
      "Joint Sea 2016 off Zhanjiang in the South China Sea", "exercise", 8, "CHN RUS", "CHN-RUS",
      "https://en.inform.kz/news/china-russia-start-joint-navy-drill-in-south-china-sea_a2948483/",
      end="2016-09-19")
event("ev-2017-sco-enlargement", "2017-06-09",
      "SCO admits India and Pakistan at the Astana summit", "organisation", 4,
      "CHN RUS IND PAK KAZ KGZ TJK UZB", "CHN-RUS",
      "https://issi.org.pk/the-expanding-role-of-sco-strengthening-pakistans-regional-integration/",
      organisations=["SCO"])
event("ev-2017-joint-sea-baltic", "2017-07-21",
      "Joint Sea 2017 in the Baltic Sea", "exercise", 8, "CHN RUS", "CHN-RUS",
      "https://news.cgtn.com/news/7959544d35517a6333566d54/index.html", end="2017-07-28")
event("ev-2018-vostok", "2018-09-11",
      "Chinese troops join Russia's Vostok 2018 strategic exercise", "exercise", 8,
      "CHN RUS", "CHN-RUS",
      "http://eng.chinamil.com.cn/CHINA_209163/TopStories_209189/9259467.html", end="2018-09-17")
event("ev-2019-new-era-partnership", "2019-06",
      "Xi's state visit to Moscow: partnership 'for a new era'", "summit", 4, "CHN RUS",
      "CHN-RUS",
      "https://shepherdgazette.com/xi-jinping-arrives-in-moscow-for-talks-with-russian-president/;https://www.einpresswire.com/article/712357678/president-xi-jinping-and-russian-president-vladimir-putin-jointly-sign-and-issue-a-joint-statement-on-deepening-the-china-russia-co")
event("ev-2019-joint-air-patrol", "2019-07-23",
      "First joint patrol of Russian and Chinese strategic bombers, over the Sea of Japan and East China Sea",
      "exercise", 8, "CHN RUS", "CHN-RUS",
      "https://nationalpost.com/pmn/news-pmn/crime-pmn/russian-and-chinese-jets-conducted-joint-patrol-moscow-says")
event("ev-2019-power-of-siberia-opens", "2019-12-02",
      "Power of Siberia pipeline starts delivering Russian gas to China", "energy and economy", 6,
      "CHN RUS", "CHN-RUS",
      "https://www.themoscowtimes.com/2019/12/02/russia-launches-power-siberia-gas-exports-china-a68423")
event("ev-2021-geneva-summit", "2021-06-16", "Biden-Putin summit in Geneva", "summit", 2,
      "RUS USA", "RUS-USA", "https://todaychina.cc/50675.html")
event("ev-2021-treaty-extended", "2021-06-28",
      "Xi and Putin extend the 2001 treaty for five years", "treaty", 6, "CHN RUS", "CHN-RUS",
      "http://xinhuanet.com/english/2021-06/28/c_1310032632.htm")
event("ev-2021-joint-naval-patrol", "2021-10-17",
      "First joint naval patrol: ten Chinese and Russian warships sail around Japan",
      "exercise", 8, "CHN RUS", "CHN-RUS",
      "https://slconcordtimes.com/russia-china-hold-first-joint-patrol-in-the-western-pacific-russian-defense-ministry-says/",
      end="2021-10-23")
event("ev-2022-no-limits-statement", "2022-02-04",
      "Putin and Xi declare a friendship 'without limits' and oppose NATO enlargement; new energy contracts",
      "declaration", 6, "CHN RUS", "CHN-RUS",
      "prcrus2022;https://ktvz.com/news/national-world/cnn-world/2022/02/04/putin-and-xi-call-for-halt-to-nato-expansion-kremlin-says-in-show-of-unity-at-beijing-olympics/;https://ajw-origin.potaufeu.asahi.com/ajw/articles/14541420")
event("ev-2022-invasion-of-ukraine", "2022-02-24", "Russia invades Ukraine", "crisis or war", -10,
      "RUS UKR", "RUS-UKR",
      "ungaes111;https://www.aljazeera.com/news/2022/9/1/russias-war-games-with-china-all-you-need-to-know")
event("ev-2022-ukraine-veto", "2022-02-25",
      "Russia vetoes a draft deploring its invasion of Ukraine; China abstains", "UN vote or veto",
      -4, "RUS USA", "RUS-USA", "yordan2022;undhl_vetoes", "draft S/2022/155")
event("ev-2022-unga-es-11-1", "2022-03-02",
      "General Assembly demands Russia's withdrawal from Ukraine; China abstains",
      "UN vote or veto", -4, "RUS USA UKR", "RUS-USA", "ungaes111")
event("ev-2022-vostok", "2022-09-01",
      "Chinese army, navy and air force units join Vostok 2022", "exercise", 8,
      "CHN RUS IND BLR TJK MNG DZA", "CHN-RUS",
      "http://eng.chinamil.com.cn/view/2022-09/01/content_10182185.htm;https://en.wikipedia.org/wiki/Vostok_2022",
      end="2022-09-07")
event("ev-2023-xi-in-moscow", "2023-03-20",
      "Xi's state visit to Moscow, his first since the invasion of Ukraine", "summit", 4,
      "CHN RUS", "CHN-RUS", "https://www.herald.co.zw/xi-arrives-in-moscow-for-state-visit-to-russia/",
      end="2023-03-22")
event("ev-2023-iran-joins-sco", "2023-07-04", "Iran becomes a full member of the SCO",
      "organisation", 6, "IRN CHN RUS", "CHN-IRN IRN-RUS",
      "https://peoplesdispatch.org/2023/07/04/iran-is-the-latest-full-member-of-shanghai-cooperation-organization/",
      organisations=["SCO"])
event("ev-2024-armenia-freezes-csto", "2024-02-22",
      "Armenia says it has frozen its participation in the CSTO", "organisation", -6,
      "ARM RUS", "ARM-RUS",
      "https://asbarez.com/armenia-has-frozen-participation-in-csto-angering-moscow/;https://novayagazeta.eu/articles/2024/02/23/armenia-suspends-participation-in-russian-led-collective-security-treaty-organisation-en-news",
      "announced in an interview with France 24; Armenia remains formally a member",
      organisations=["CSTO"])
event("ev-2024-putin-in-beijing", "2024-05-16",
      "Putin's state visit to Beijing: statement on deepening the partnership", "summit", 4,
      "CHN RUS", "CHN-RUS",
      "https://www.einpresswire.com/article/712357678/president-xi-jinping-and-russian-president-vladimir-putin-jointly-sign-and-issue-a-joint-statement-on-deepening-the-china-russia-co",
      end="2024-05-17")
event("ev-2024-belarus-joins-sco", "2024-07-04", "Belarus becomes a full member of the SCO",
      "organisation", 6, "BLR CHN", "BLR-CHN", "https://news.az/news/belarus-officially-becomes-sco-member",
      organisations=["SCO"])


# ---------------------------------------------------------------- the score's codebook
SCALE = [
    (10, "alliance", "a treaty of alliance or mutual defence",
     "1950 Sino-Soviet treaty; Collective Security Treaty", "beyond the cooperative end of the scale"),
    (8, "military cooperation", "arms supplies, military-technical agreements, joint exercises, bases granted",
     "Su-27 deliveries; Peace Mission exercises; Kant air base", "extend military assistance"),
    (6, "substantive agreement", "a treaty, border settlement, new organisation, partnership or major economic deal",
     "Nerchinsk; 2001 treaty; Power of Siberia contract", "make substantive agreement; extend economic aid"),
    (4, "support and coordination", "joint statements, coordinated votes, recognition, promises of support",
     "1997 multipolar declaration; joint veto on Syria", "promise support; approve; extend recognition"),
    (2, "contact", "summits, visits and talks without a substantive agreement",
     "Kosygin-Zhou airport meeting; Yeltsin's 1999 visit", "meet; visit; negotiate"),
    (0, "context", "an event that matters to the story but is not an act of one state towards another, or a studied abstention",
     "Tiananmen; abstentions on Resolution 1973", "comment; neutral"),
    (-2, "criticism", "public criticism, denunciation or refusal",
     "open letter of 1963; Munich speech", "criticise; denounce; reject"),
    (-4, "diplomatic opposition", "votes and vetoes against the other, demands, bills and sanctions short of rupture",
     "Syria vetoes (for the US); Astana call for a base timetable", "demand; protest formally; reduce relations"),
    (-6, "rupture or coercion", "aid or advisers withdrawn, ties cut, bases evicted, territory extracted under pressure",
     "experts recalled in 1960; Aigun; K2 eviction", "halt negotiations; break relations; expel"),
    (-8, "force short of a clash", "military pressure, force against the other's ally or client, proxy war",
     "Korean War (for the US and USSR); invasion of Vietnam (for China and the USSR)", "threaten force; military demonstration"),
    (-10, "armed clash or war", "fighting between the two states' forces",
     "1969 border clashes; Russia-Georgia war", "military attack; clash; assault"),
]

# ---------------------------------------------------------------- the papers' numbers
CLAIMS = [
    dict(claim_id="mac-arms-late-1990s", paper=M, location=M_SR,
         quantity="Russian arms sales to China, yearly average by the late 1990s",
         unit="million US dollars per year", period_start=1997, period_end=1999,
         paper_value=2000, check_value=None,
         check_method="not checkable in money with the book's data: SIPRI trend-indicator values are not dollars; chapter 02 checks the timing and Russia's share instead",
         source=M, source_detail="paper's note 41"),
    dict(claim_id="mac-arms-annual-floor", paper=M, location=M_AF,
         quantity="Russian arms sales to China after the December 1992 agreement, each year at least",
         unit="million US dollars per year", period_start=1993, period_end=2010,
         paper_value=1000, check_value=None,
         check_method="not checkable in money with the book's data; chapter 02 shows how far the yearly deliveries (in trend-indicator values) fell after their peak",
         source=M, source_detail="paper's note 99; the end of the period is the paper's date"),
    dict(claim_id="mac-arms-share", paper=M, location=M_AF,
         quantity="Russia's share of China's arms imports after the December 1992 agreement, more than",
         unit="share of all suppliers", period_start=1993, period_end=2010,
         paper_value=0.5, check_value=None,
         check_method="computed in chapter 02 from SIPRI trend-indicator values (arms_transfers.csv)",
         source=M, source_detail="'more military hardware than all other states combined'"),
    dict(claim_id="mac-summit-count", paper=M, location=M_SCO,
         quantity="Russia-China summits from 1992 to the Putin-Jiang meeting of 18 July 2000",
         unit="summits", period_start=1992, period_end=2000, paper_value=8, check_value=None,
         check_method="counted in chapter 02 from the bilateral summits in events.csv",
         source=M, source_detail="paper's note 61"),
    dict(claim_id="mac-kant-personnel", paper=M, location=M_RU,
         quantity="Russian Air Force personnel at the Kant base", unit="people",
         period_start=2003, period_end=2010, paper_value=700, check_value=500,
         check_method="the Kremlin's figure at the base's opening in October 2003",
         source=f"{M};http://en.kremlin.ru/events/president/news/29600",
         source_detail="MacHaffie gives no date for his figure; the Kremlin's is for 2003"),
    dict(claim_id="mac-base-lease-years", paper=M, location=M_RU,
         quantity="term of the lease for the new Russian base in Kyrgyzstan", unit="years",
         period_start=2012, period_end=2012, paper_value=49, check_value=15,
         check_method="the agreement of 20 September 2012 (renewable for five-year periods)",
         source=f"{M};http://rusnavy.com/news/navy/index.php?ELEMENT_ID=15982&print=Y",
         source_detail="Moscow had asked for 49 years"),
    dict(claim_id="mac-crrf-troops", paper=M, location=M_SCO,
         quantity="troops of the CSTO Rapid Reaction Force proposed in February 2009", unit="troops",
         period_start=2009, period_end=2009, paper_value=16000, check_value=None,
         check_method="not checked: sources at the time give different sizes",
         source=M, source_detail="half Russian, a quarter of the rest Kazakh, according to the paper"),
    dict(claim_id="mac-crrf-russian-share", paper=M, location=M_SCO,
         quantity="Russian share of the CSTO Rapid Reaction Force", unit="share of troops",
         period_start=2009, period_end=2009, paper_value=0.5, check_value=None,
         check_method="not checked", source=M, source_detail="'half of them Russian'"),
]


def precise(date: str | None) -> tuple[str, str]:
    """'1689' -> ('1689-01-01', 'year'); '1689-09' -> month; a full date -> day."""
    if not date:
        return "", ""
    parts = date.split("-")
    precision = {1: "year", 2: "month", 3: "day"}[len(parts)]
    return "-".join(parts + ["01"] * (3 - len(parts))), precision


def main() -> None:
    rows, actors, organisations, dyads, mentions = [], [], [], [], []
    for e in sorted(EVENTS, key=lambda e: (precise(e["start"])[0], e["event_id"])):
        start, start_precision = precise(e["start"])
        end, end_precision = precise(e["end"])
        rows.append(dict(event_id=e["event_id"], start_date=start, start_precision=start_precision,
                         end_date=end, end_precision=end_precision, title=e["title"],
                         category=e["category"], score=e["score"], source=e["source"],
                         source_detail=e["detail"]))
        actors += [dict(event_id=e["event_id"], iso3=a, source=e["source"]) for a in e["actors"]]
        organisations += [dict(event_id=e["event_id"], organisation=o, source=e["source"])
                          for o in e["organisations"]]
        for pair in e["dyads"]:
            a, b = sorted(pair.split("-"))
            dyads.append(dict(event_id=e["event_id"], iso3_a=a, iso3_b=b, source=e["source"]))
        for m in e["mentions"]:
            paper_date, paper_precision = precise(m["paper_date"])
            mentions.append(dict(event_id=e["event_id"], paper=m["paper"], location=m["location"],
                                 paper_date=paper_date, paper_date_precision=paper_precision,
                                 paper_says=m["says"], disagreement=m["disagreement"],
                                 source=m["paper"], source_detail=m["note"]))
    write(pd.DataFrame(rows), "events.csv")
    write(pd.DataFrame(actors), "event_actors.csv")
    write(pd.DataFrame(organisations), "event_organisations.csv")
    write(pd.DataFrame(dyads), "event_dyads.csv")
    write(pd.DataFrame(mentions), "event_mentions.csv")
    write(pd.DataFrame(SCALE, columns=["score", "label", "meaning", "examples", "goldstein_counterpart"])
          .assign(source="goldstein1992",
                  source_detail="the book's own scale; the last column names the kind of event Goldstein's WEIS scale weights at about this level"),
          "event_scale.csv")
    claims = pd.DataFrame(CLAIMS).astype({"check_value": "Float64"})
    write(claims, "history_claims.csv")


if __name__ == "__main__":
    main()
