"""The text of the demo pledges for Arboga and Kungsör: the agreements, two years of pledges
with their focus areas, activities and dated progress, and a few residents' comments.

Drawn from the municipalities' own pages (see /work/shared/seeds): dialogues where the situation
picture points, drugs in the town centre, traffic, fraud against the elderly, neighbourhood watch.
"""

import datetime

from est.demo import ARBOGA, KUNGSOR

D = datetime.date
M, P, T, PARTNER = "municipality", "police", "together", "partner"

AGREEMENTS = {
    ARBOGA: (
        "Samverkansöverenskommelse mellan Arboga kommun och Polisen 2024–2027",
        D(2024, 2, 14),
        D(2027, 12, 31),
        "Överenskommelsen ger struktur åt Polismyndighetens och kommunens gemensamma "
        "brottsförebyggande arbete: en gemensam lägesbild var fjortonde dag, en tertialanalys "
        "till kommunledningsgruppen och årliga medborgarlöften.",
    ),
    KUNGSOR: (
        "Samverkansöverenskommelse mellan Kungsörs kommun och Polisen 2024–2027",
        D(2024, 3, 5),
        D(2027, 12, 31),
        "Kommunen och lokalpolisen samverkar sedan 2019 med gemensamma lägesbilder. "
        "Överenskommelsen beskriver hur parterna gemensamt prioriterar, genomför och följer upp "
        "brottsförebyggande och trygghetsskapande insatser.",
    ),
}

#: The commitments of Arboga's agreement: who, what, by when, how far.
COMMITMENTS = [
    ("Polisen", "Medborgardialog i Centrum varje månad", D(2026, 12, 31), "ongoing"),
    ("Kommunen", "Lägesbild var fjortonde dag tillsammans med polisen", None, "ongoing"),
    ("Kommunen och polisen", "Tertialanalys till kommunledningsgruppen", D(2026, 9, 30), "done"),
    ("Arboga Bostäder", "Belysningsinventering i Nyby", D(2026, 6, 30), "planned"),
]

# (code, year, published on, introduction, follow-up or "", focus areas)
# focus area: (title, reason, incident category codes, area names, activities)
# activity: (what, who, partner, starts, ends, target, [(date, what happened, status)])
PLEDGES = [
    (
        ARBOGA,
        2025,
        D(2025, 2, 20),
        "Arboga kommun och polisen har kommit överens om medborgarlöften för 2025. Löftena "
        "bygger på den gemensamma lägesbilden och på vad invånarna berättat i medborgardialogerna "
        "2024.",
        "Under 2025 genomförde kommunen och polisen tre medborgardialoger, i Centrum, Nyby "
        "och Ekbacken, med sammanlagt omkring 150 samtal. Synpunkterna om belysning längs "
        "Strandvägen ledde till ny belysning under hösten. Informationsträffarna om bedrägerier "
        "nådde drygt 200 seniorer, och polisen ser färre fullbordade bedrägerier mot äldre i "
        "kommunen än året innan. Grannsamverkan startade i två nya bostadsområden. Arbetet med "
        "dialoger och grannsamverkan fortsätter 2026.",
        [
            (
                "Aktiva i medborgardialoger",
                "Samma platser återkommer i lägesbilden: Centrum, Nyby och Ekbacken. Invånarnas "
                "egna iakttagelser behövs för att förstå vad som skapar otrygghet där.",
                ["unsafe_gathering", "vandalism"],
                ["Centrum", "Nyby", "Ekbacken"],
                [
                    (
                        "Genomföra medborgardialoger i de områden som oftast förekommer i "
                        "lägesbilden.",
                        T,
                        "",
                        D(2025, 3, 1),
                        D(2025, 11, 30),
                        "Minst två dialogtillfällen",
                        [
                            (
                                D(2025, 4, 24),
                                "Dialog på Stora torget, ett 60-tal samtal.",
                                "under_way",
                            ),
                            (D(2025, 9, 18), "Dialog i Nyby och i Ekbacken.", "done"),
                        ],
                    ),
                ],
            ),
            (
                "Bedrägeribrott mot äldre",
                "Polisen har sett fler telefonbedrägerier mot äldre i Västra Mälardalen, ofta av "
                "personer som utger sig för att vara från banken eller polisen.",
                [],
                [],
                [
                    (
                        "Informationsträffar om bedrägerier på kommunens träffpunkter för "
                        "seniorer.",
                        P,
                        "",
                        D(2025, 3, 1),
                        D(2025, 10, 31),
                        "Minst fyra träffar",
                        [(D(2025, 10, 9), "Fem träffar hölls, drygt 200 deltagare.", "done")],
                    ),
                    (
                        "Skicka information om bedrägerier till alla hushåll med någon över 75 år.",
                        M,
                        "",
                        None,
                        D(2025, 6, 30),
                        "Alla hushåll nås",
                        [(D(2025, 5, 28), "Utskicket gick till 1 100 hushåll.", "done")],
                    ),
                ],
            ),
            (
                "Grannsamverkan",
                "Brå:s genomgång visar att brottsligheten i genomsnitt minskar med ungefär en "
                "fjärdedel där man har grannsamverkan. Flera bostadsområden saknar det.",
                ["burglary"],
                [],
                [
                    (
                        "Starta grannsamverkan i nya bostadsområden tillsammans med de boende.",
                        P,
                        "",
                        D(2025, 2, 1),
                        D(2025, 12, 31),
                        "Två nya områden",
                        [(D(2025, 11, 20), "Grannsamverkan startade i två områden.", "done")],
                    ),
                ],
            ),
        ],
    ),
    (
        ARBOGA,
        2026,
        D(2026, 2, 12),
        "Medborgarlöftena för 2026 tar vid där 2025 slutade. Lägesbilden visar fler rapporter om "
        "misstänkt narkotikaförsäljning i centrum, och invånarna har i dialogerna frågat efter "
        "fler trygghetsvandringar och lugnare trafik.",
        "",
        [
            (
                "Narkotika i centrummiljön",
                "Rapporterna om misstänkt narkotikaförsäljning vid resecentrum och Stora torget "
                "ökade under andra halvåret 2025, oftast fredag och lördag kväll.",
                ["drug_dealing", "unsafe_gathering"],
                ["Centrum"],
                [
                    (
                        "Upprätta en handlingsplan med aktiviteter och mål mot narkotika i "
                        "centrummiljön.",
                        T,
                        "",
                        D(2026, 2, 1),
                        D(2026, 4, 30),
                        "Handlingsplanen antagen senast 30 april",
                        [(D(2026, 4, 22), "Handlingsplanen antogs av EST-gruppen.", "done")],
                    ),
                    (
                        "Styra väktarronderingen till resecentrum fredag och lördag kväll.",
                        PARTNER,
                        "Securitas, Västra Mälardalen",
                        D(2026, 3, 1),
                        D(2026, 12, 31),
                        "Rondering varje fredag och lördag 20–02",
                        [
                            (
                                D(2026, 3, 6),
                                "Ronderingen har börjat enligt lägesbilden.",
                                "under_way",
                            )
                        ],
                    ),
                    (
                        "Nattvandring med vuxna i centrum under jul- och nyårshelgerna.",
                        PARTNER,
                        "Nattvandrarna i Arboga",
                        D(2026, 12, 1),
                        D(2026, 12, 31),
                        "Minst sex kvällar",
                        [],
                    ),
                ],
            ),
            (
                "Trygghetsvandringar",
                "Dialogerna 2025 pekade på mörka gångvägar och buskage i Ekbacken och Nyby.",
                ["vandalism"],
                ["Ekbacken", "Nyby"],
                [
                    (
                        "Trygghetsvandringar i Ekbacken och Nyby med boende, Arboga Bostäder, "
                        "politiker och polis. Varje iakttagelse får en åtgärd och en ansvarig.",
                        T,
                        "Arboga Bostäder AB",
                        D(2026, 4, 1),
                        D(2026, 10, 31),
                        "Två vandringar; åtgärderna följs upp inom tre månader",
                        [
                            (D(2026, 5, 13), "Vandring i Ekbacken, 14 iakttagelser.", "under_way"),
                            (D(2026, 9, 16), "Vandring i Nyby, 9 iakttagelser.", "under_way"),
                        ],
                    ),
                ],
            ),
            (
                "Trafiksäkerhet",
                "Boende längs Ringvägen och Västerlånggatan upplever att bilar kör för fort, "
                "särskilt kvällstid.",
                ["traffic"],
                [],
                [
                    (
                        "Hastighetskontroller på de dokumenterade sträckorna.",
                        P,
                        "",
                        D(2026, 3, 1),
                        D(2026, 11, 30),
                        "Minst sex kontroller",
                        [(D(2026, 6, 10), "Tre kontroller genomförda.", "under_way")],
                    ),
                    (
                        "Sätta upp hastighetsdisplayer på Ringvägen.",
                        M,
                        "",
                        D(2026, 4, 1),
                        D(2026, 6, 30),
                        "Två displayer",
                        [(D(2026, 6, 2), "Två displayer är uppsatta.", "done")],
                    ),
                ],
            ),
        ],
    ),
    (
        KUNGSOR,
        2025,
        D(2025, 3, 3),
        "Kungsör är en trygg kommun, men lägesbilden och invånarna pekar på några platser och "
        "frågor där kommunen och polisen vill göra mer under 2025.",
        "Kommunen och polisen höll två medborgardialoger i centrum och en på Kungsudden. "
        "Belysningen vid Kungsudden byttes ut och buskage röjdes. Polisen genomförde riktade "
        "insatser mot narkotika, och kommunpolisen besökte alla klasser i årskurs 8. "
        "Hastighetskontrollerna i Valskog blev fyra av planerade sex, eftersom resurser "
        "behövdes på annat håll under sommaren.",
        [
            (
                "Trygghet i centrum",
                "Otrygghetsskapande folksamlingar vid torget och Kungsudden återkommer i "
                "lägesbilden sommartid.",
                ["unsafe_gathering", "littering"],
                ["Centrum", "Kungsudden"],
                [
                    (
                        "Medborgardialoger i centrum och på Kungsudden.",
                        T,
                        "",
                        D(2025, 4, 1),
                        D(2025, 9, 30),
                        "Minst två dialoger",
                        [(D(2025, 8, 21), "Tre dialoger genomförda.", "done")],
                    ),
                    (
                        "Byta belysning och röja buskage på Kungsudden.",
                        PARTNER,
                        "Kungsörs KommunFastigheter AB",
                        D(2025, 4, 1),
                        D(2025, 6, 15),
                        "",
                        [(D(2025, 6, 12), "Ny belysning och röjt längs gångvägen.", "done")],
                    ),
                ],
            ),
            (
                "Narkotika bland unga",
                "Polisen ser att unga i Kungsör erbjuds narkotika via sociala medier.",
                ["drug_dealing"],
                [],
                [
                    (
                        "Kommunpolisen besöker alla klasser i årskurs 8.",
                        P,
                        "",
                        D(2025, 1, 15),
                        D(2025, 5, 31),
                        "Alla klasser",
                        [(D(2025, 5, 27), "Alla sex klasser besökta.", "done")],
                    ),
                ],
            ),
            (
                "Trafik i Valskog",
                "Boende i Valskog har länge påtalat höga hastigheter genom samhället.",
                ["traffic"],
                ["Valskog"],
                [
                    (
                        "Hastighetskontroller genom Valskog.",
                        P,
                        "",
                        D(2025, 3, 1),
                        D(2025, 11, 30),
                        "Sex kontroller",
                        [(D(2025, 11, 28), "Fyra kontroller hann genomföras.", "done")],
                    ),
                ],
            ),
        ],
    ),
    (
        KUNGSOR,
        2026,
        D(2026, 2, 26),
        "För 2026 fortsätter kommunen och polisen med tryggheten i centrum och arbetet mot "
        "narkotika bland unga, och tar upp trafiken i Valskog igen.",
        "",
        [
            (
                "Trygghet i centrum",
                "Lägesbilden visar fortfarande folksamlingar vid torget sena helgkvällar.",
                ["unsafe_gathering"],
                ["Centrum"],
                [
                    (
                        "Medborgardialog på torget under Kungsörsdagen.",
                        T,
                        "",
                        D(2026, 6, 1),
                        D(2026, 6, 30),
                        "En dialog",
                        [(D(2026, 6, 13), "Dialog på torget, ett 40-tal samtal.", "done")],
                    ),
                    (
                        "Väktarrondering vid torget fredag och lördag kväll.",
                        PARTNER,
                        "Securitas, Västra Mälardalen",
                        D(2026, 3, 1),
                        D(2026, 12, 31),
                        "Varje helg",
                        [(D(2026, 3, 7), "Ronderingen har börjat.", "under_way")],
                    ),
                ],
            ),
            (
                "Narkotika bland unga",
                "Arbetet 2025 gav kontakt med skolorna som båda parter vill bygga vidare på.",
                ["drug_dealing"],
                ["Malmberga"],
                [
                    (
                        "Föräldramöte om narkotika och sociala medier på högstadiet.",
                        T,
                        "",
                        D(2026, 9, 1),
                        D(2026, 10, 31),
                        "Ett föräldramöte per årskurs",
                        [(D(2026, 9, 24), "Föräldramöte för årskurs 7 hölls.", "under_way")],
                    ),
                ],
            ),
            (
                "Trafik i Valskog",
                "Hastighetskontrollerna 2025 blev färre än planerat.",
                ["traffic"],
                ["Valskog"],
                [
                    (
                        "Hastighetskontroller genom Valskog.",
                        P,
                        "",
                        D(2026, 3, 1),
                        D(2026, 11, 30),
                        "Sex kontroller",
                        [],
                    ),
                    (
                        "Utreda en sänkt hastighetsgräns genom Valskog.",
                        M,
                        "",
                        D(2026, 12, 1),
                        D(2026, 12, 31),
                        "Beslutsunderlag till tekniska nämnden",
                        [],
                    ),
                ],
            ),
        ],
    ),
]

#: (code, year, display name, comment, reply or None when still waiting)
COMMENTS = [
    (
        ARBOGA,
        2026,
        "Birgitta i Nyby",
        "Bra med trygghetsvandring i Nyby! När blir nästa?",
        "Tack! Nästa vandring annonseras på kommunens webbplats i god tid.",
    ),
    (ARBOGA, 2026, "Ahmed", "Kan ni titta på belysningen vid gångtunneln under Ringvägen?", None),
    (KUNGSOR, 2026, "Lena", "Skönt att det händer något med trafiken i Valskog.", ""),
]
