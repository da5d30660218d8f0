import LoanBook

/// Every word report.html prints, in Dutch and in English. The Bbz's own terms (normbaten,
/// bonus-malus, risicomelding) stay Dutch in both, as in the specification.
struct ReportText {
    var pageTitle: (String) -> String
    var subtitle: (_ paths: String, _ seed: String, _ years: String) -> String

    var headline: String
    var exceededFirstYear: (String) -> String
    var exceededAnyYear: (String) -> String
    var exceededNote: (_ provision: String) -> String
    var holdsAt95: (String) -> String
    var confidenceInterval: (_ lower: String, _ upper: String) -> String
    var collectedShare: String
    var collectedShareNote: (_ report: String, _ p5: String, _ p95: String) -> String
    var standardError: String

    var balanceTitle: String
    var balanceCaption: String
    var kindName: (Kind) -> String
    var median: String

    var costTitle: String
    var costCaption: (_ year: String, _ provision: String, _ p: String) -> String
    var costPerYearCaption: String
    var costAxis: String
    var shareOfPaths: String
    var provisionMarker: (String) -> String
    var tableYear: String
    var tableExceeded: String
    var tableHolds: (String) -> String

    var bonusMalusTitle: String
    var bonusMalusCaption: String
    var bonusMalusPanel: String
    var batenPanel: String
    var batenBK: String
    var normBaten: String
    var noNormbatenYears: String
    var mean: String

    var cashFlowTitle: String
    var cashFlowCaption: String
    /// The reform debt left at the horizon (`reform_debt`, `all`), outside the cash-basis result.
    var reformDebtNote: (_ amount: String, _ lastYear: String) -> String
    var lasten: String
    var baten: String
    var interest: String
    var recoveries: String
    var writeOffs: String

    var contributionsTitle: String
    var contributionsCaption: (_ es: String) -> String
    var byKind: String
    var bySector: String

    var comparisonTitle: (_ a: String, _ b: String) -> String
    var differencesTitle: (_ a: String, _ b: String) -> String
    var pairedExceedanceTitle: String
    var pairedExceedanceCaption: (_ a: String, _ b: String, _ provision: String, _ bOnABudget: Bool) -> String
    var anyYear: String
    var bCostsLess: (String) -> String
    var differenceCaption: (_ a: String, _ b: String, _ spread: Bool) -> String
    var differenceHorizon: (_ metric: String, _ mean: String, _ lower: String, _ upper: String) -> String
    var confidence95: String
    var tornadoTitle: String
    var tornadoCaption: (_ metric: String, _ base: String) -> String
    var low: String
    var high: String

    var footerTitle: String
    var engine: String
    var seed: String
    var paths: String
    var shards: String
    var command: String
    var role: String
    var path: String

    static func `for`(_ locale: ReportLocale) -> ReportText { locale == .nl ? dutch : english }

    static var dutch: ReportText { ReportText(
        pageTitle: { "Bbz-debiteurenboek: \($0)" },
        subtitle: { "Monte-Carlosimulatie met \($0) paden, seed \($1), jaren \($2)." },
        headline: "Kerncijfers",
        exceededFirstYear: { "Kans dat de voorziening in \($0) wordt overschreden" },
        exceededAnyYear: { "Kans op overschrijding in enig jaar, \($0)" },
        exceededNote: { "kosten boven budget hoger dan de voorziening van \($0)" },
        holdsAt95: { "Voorziening die in \($0) met 95% zekerheid volstaat" },
        confidenceInterval: { "95%-betrouwbaarheidsinterval \($0) – \($1)" },
        collectedShare: "Verwacht geïnd deel van het huidige boek",
        collectedShareNote: { "rapport: ongeveer \($0); 5–95% van de paden: \($1) – \($2)" },
        standardError: "standaardfout",
        balanceTitle: "Uitstaand saldo per soort",
        balanceCaption: "Saldo aan het eind van elk jaar over de paden: mediaan (lijn), 25–75% (donkere band) en "
            + "5–95% (lichte band). Elke soort heeft zijn eigen schaal.",
        kindName: {
            switch $0 {
            case .bk: "Bedrijfskapitaal (bk)"
            case .lo: "Levensonderhoud (lo)"
            case .bob: "BOB (binnenvaart)"
            case .other: "Overig"
            }
        },
        median: "mediaan",
        costTitle: "Kosten boven budget",
        costCaption: {
            "Verdeling van de kosten boven budget in \($0) over de paden. Gestippeld: de voorziening van \($1); "
                + "rood: de paden waarin die wordt overschreden (\($2))."
        },
        costPerYearCaption: "Per jaar, op dezelfde bedragenschaal (in duizenden euro's), met rechtsboven de kans op "
            + "overschrijding in dat jaar.",
        costAxis: "kosten boven budget (€)",
        shareOfPaths: "% paden",
        provisionMarker: { "voorziening \($0)" },
        tableYear: "jaar",
        tableExceeded: "kans op overschrijding",
        tableHolds: { "voorziening bij \($0)" },
        bonusMalusTitle: "Bonus-malus tegen de normbaten",
        bonusMalusCaption: "Alleen de jaren onder de normbaten-regeling. De bonus-malus is bk-baten min normbaten: "
            + "positief is een bonus voor de gemeente. Lijn: gemiddelde; band: 5–95% van de paden.",
        bonusMalusPanel: "Bonus-malus",
        batenPanel: "bk-baten en normbaten",
        batenBK: "bk-baten",
        normBaten: "normbaten (gemiddeld)",
        noNormbatenYears: "Deze horizon heeft geen jaren onder de normbaten-regeling, dus geen bonus-malus.",
        mean: "gemiddelde",
        cashFlowTitle: "Kasstromen per jaar",
        cashFlowCaption: "Gemiddelde over de paden. Baten omvatten aflossing, rente en invordering; afboekingen "
            + "zijn verliezen, geen kasstroom.",
        reformDebtNote: { amount, year in
            "Eind \(year) is de gemeente het Rijk gemiddeld nog \(amount) verschuldigd voor bk verstrekt onder de "
                + "hervorming van 2020 (reform_debt); die aflossingen vallen na de horizon en staan niet in het "
                + "netto resultaat, dat op kasbasis is."
        },
        lasten: "lasten (verstrekt)",
        baten: "baten",
        interest: "waarvan rente",
        recoveries: "waarvan invordering",
        writeOffs: "afboekingen",
        contributionsTitle: "Risicobijdragen",
        contributionsCaption: {
            "Bijdragen aan de expected shortfall (95%) van de netto kosten van de gemeente over de hele horizon, "
                + "\($0). Balken: aandeel in dit totaal; ernaast de bijdrage in euro's. Per indeling tellen de "
                + "bijdragen op tot het totaal."
        },
        byKind: "naar soort",
        bySector: "naar sector",
        comparisonTitle: { "Vergelijking: \($1) tegen \($0)" },
        differencesTitle: { "Verschil \($1) − \($0)" },
        pairedExceedanceTitle: "Kans dat de kosten boven budget de voorziening overschrijden",
        pairedExceedanceCaption: { a, b, provision, onA in
            "Per jaar en in enig jaar, voor \(a) en \(b), tegen de voorziening van \(a) (\(provision)); \(b) gemeten "
                + (onA ? "tegen het budget van \(a)" : "tegen zijn eigen budget") + ". Het verschil per pad, met zijn "
                + "95%-betrouwbaarheidsinterval (gepaard: dezelfde paden in beide varianten)."
        },
        anyYear: "enig jaar",
        bCostsLess: { "Kans dat \($0) minder kost" },
        differenceCaption: {
            "Gepaarde verschillen \($1) − \($0) per jaar, op dezelfde toevalsgetallen: gemiddelde (lijn) met "
                + ($2 ? "95%-betrouwbaarheidsinterval (donker) en 5–95% van de paden (licht)."
                      : "95%-betrouwbaarheidsinterval (band).")
        },
        differenceHorizon: { "Over de hele horizon: \($0) \($1) (95%-interval \($2) – \($3))." },
        confidence95: "95%-interval",
        tornadoTitle: "Gevoeligheid voor de aannames",
        tornadoCaption: { "\($0) met elke aanname op haar lage en hoge waarde; verticale lijn: de basis, \($1)." },
        low: "laag",
        high: "hoog",
        footerTitle: "Hoe deze cijfers zijn gemaakt",
        engine: "engine",
        seed: "seed",
        paths: "paden",
        shards: "shards",
        command: "opdracht",
        role: "rol",
        path: "bestand") }

    static var english: ReportText { ReportText(
        pageTitle: { "Bbz debtor book: \($0)" },
        subtitle: { "Monte Carlo simulation with \($0) paths, seed \($1), years \($2)." },
        headline: "Headline",
        exceededFirstYear: { "Probability that the provision is exceeded in \($0)" },
        exceededAnyYear: { "Probability of exceeding it in any year, \($0)" },
        exceededNote: { "cost above budget higher than the provision of \($0)" },
        holdsAt95: { "Provision that holds with 95% confidence in \($0)" },
        confidenceInterval: { "95% confidence interval \($0) – \($1)" },
        collectedShare: "Expected collected share of today's book",
        collectedShareNote: { "report: about \($0); 5–95% of paths: \($1) – \($2)" },
        standardError: "standard error",
        balanceTitle: "Outstanding balance by kind",
        balanceCaption: "Balance at the end of each year over paths: median (line), 25–75% (dark band) and "
            + "5–95% (light band). Each kind has its own scale.",
        kindName: {
            switch $0 {
            case .bk: "Business capital (bk)"
            case .lo: "Living allowance (lo)"
            case .bob: "BOB (inland skippers)"
            case .other: "Other"
            }
        },
        median: "median",
        costTitle: "Cost above budget",
        costCaption: {
            "Distribution of the cost above budget in \($0) over paths. Dashed: the provision of \($1); "
                + "red: the paths on which it is exceeded (\($2))."
        },
        costPerYearCaption: "Per year, on the same scale of amounts (in thousands of euros), with the probability "
            + "of exceeding the provision that year top right.",
        costAxis: "cost above budget (€)",
        shareOfPaths: "% of paths",
        provisionMarker: { "provision \($0)" },
        tableYear: "year",
        tableExceeded: "probability exceeded",
        tableHolds: { "provision holding at \($0)" },
        bonusMalusTitle: "Bonus-malus against the norm (normbaten)",
        bonusMalusCaption: "Only the years under the normbaten regime. The bonus-malus is bk baten minus the norm: "
            + "positive is a bonus for the municipality. Line: mean; band: 5–95% of paths.",
        bonusMalusPanel: "Bonus-malus",
        batenPanel: "bk baten and the norm",
        batenBK: "bk baten",
        normBaten: "normbaten (mean)",
        noNormbatenYears: "This horizon has no years under the normbaten regime, hence no bonus-malus.",
        mean: "mean",
        cashFlowTitle: "Cash flows per year",
        cashFlowCaption: "Mean over paths. Baten (income) include repayments, interest and recoveries; write-offs "
            + "are losses, not cash.",
        reformDebtNote: { amount, year in
            "At the end of \(year) the municipality still owes the state \(amount) on average for bk lent under the "
                + "2020 reform (reform_debt); those repayments fall after the horizon and are not in the net result, "
                + "which is on a cash basis."
        },
        lasten: "lasten (lent)",
        baten: "baten",
        interest: "of which interest",
        recoveries: "of which recoveries",
        writeOffs: "write-offs",
        contributionsTitle: "Risk contributions",
        contributionsCaption: {
            "Contributions to the expected shortfall (95%) of the municipality's net cost over the whole horizon, "
                + "\($0). Bars: the share of this total; beside them the contribution in euros. In each "
                + "breakdown they add up to the total."
        },
        byKind: "by kind",
        bySector: "by sector",
        comparisonTitle: { "Comparison: \($1) against \($0)" },
        differencesTitle: { "Difference \($1) − \($0)" },
        pairedExceedanceTitle: "Probability that the cost above budget exceeds the provision",
        pairedExceedanceCaption: { a, b, provision, onA in
            "Per year and in any year, for \(a) and \(b), against \(a)'s provision (\(provision)); \(b) measured "
                + (onA ? "against \(a)'s budget" : "against its own budget") + ". The difference path by path, with "
                + "its 95% confidence interval (paired: the same paths in both variants)."
        },
        anyYear: "any year",
        bCostsLess: { "Probability that \($0) costs less" },
        differenceCaption: {
            "Paired differences \($1) − \($0) per year, on common random numbers: mean (line) with its 95% "
                + ($2 ? "confidence interval (dark) and 5–95% of paths (light)." : "confidence interval (band).")
        },
        differenceHorizon: { "Over the whole horizon: \($0) \($1) (95% interval \($2) – \($3))." },
        confidence95: "95% interval",
        tornadoTitle: "Sensitivity to the assumptions",
        tornadoCaption: { "\($0) with each assumption at its low and high setting; vertical line: the base, \($1)." },
        low: "low",
        high: "high",
        footerTitle: "How these figures were made",
        engine: "engine",
        seed: "seed",
        paths: "paths",
        shards: "shards",
        command: "command",
        role: "role",
        path: "file") }
}
