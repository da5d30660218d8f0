import LoanBook

extension ScenarioDecoder {
    static let productKeys = ["name", "segment", "kind", "applications", "applications_by_year", "approval_share",
                              "amount_median", "amount_sigma", "legal_maximum", "maximum_indexation",
                              "annual_rate", "repayment", "term_months", "risk_classes", "sectors"]

    /// `new_business:` a list of products, each a stream of new loans for one segment.
    func newBusiness(_ field: YAMLField, riskClasses: [String], sectors: [String]) -> [NewBusinessProduct] {
        guard let items = field.list() else { return [] }
        var names: Set<String> = []
        return items.compactMap { item in
            guard let product = product(item, riskClasses: riskClasses, sectors: sectors) else { return nil }
            if !names.insert(product.name).inserted {
                item.report("distinct product names ('\(product.name)' is used twice)", value: product.name)
            }
            return product
        }
    }

    func product(_ field: YAMLField, riskClasses: [String], sectors: [String]) -> NewBusinessProduct? {
        guard let map = field.mapping(keys: Self.productKeys) else { return nil }
        let name = map.required("name")?.string()
        let segment = map.required("segment")?.enumValue(Segment.self)
        let applications = map.required("applications")?.double(in: 0...1e6, "applications per year, >= 0")
        let approval = map.required("approval_share")?.probability()
        let median = map.required("amount_median")?.double(in: 1...1e8, "a median amount in EUR >= 1")
        let sigma = map.required("amount_sigma")?.double(in: 0...3, "the sigma of the log amount, from 0 to 3")
        let maximum = map.required("legal_maximum")?.double(in: 1...1e8, "a legal maximum in EUR >= 1")
        let terms = map.required("term_months").map(termMix) ?? [:]
        let classes = map.required("risk_classes").map { mix($0, over: riskClasses, of: "risk class") } ?? [:]
        let sectorMix = map.required("sectors").map { mix($0, over: sectors, of: "sector") } ?? [:]
        guard let name, let segment, let applications, let approval, let median, let sigma, let maximum else {
            return nil
        }
        var product = NewBusinessProduct(
            name: name, segment: segment, applications: applications, approvalShare: approval,
            amountMedian: median, amountSigma: sigma, legalMaximum: maximum,
            termMix: terms, riskClassMix: classes, sectorMix: sectorMix)
        product.kind = map.optional("kind")?.enumValue(Kind.self) ?? product.kind
        product.applicationsByYear = map.optional("applications_by_year")?.anyMapping()?
            .yearTable(valueIn: 0...1e6, "applications per year, >= 0") ?? [:]
        product.maximumIndexation = map.optional("maximum_indexation")?
            .double(in: -0.1...0.2, "a yearly indexation from -0.1 to 0.2") ?? product.maximumIndexation
        product.annualRate = map.optional("annual_rate")?
            .double(in: 0...0.25, "an annual rate from 0 to 0.25") ?? product.annualRate
        product.repayment = map.optional("repayment")?.enumValue(Repayment.self) ?? product.repayment
        if median > maximum {
            map.required("amount_median")?.report("a median amount at most the legal maximum (\(format(maximum)))")
        }
        return product
    }

    /// `term_months: {36: 0.4, 60: 0.6}`: term in months with its probability.
    func termMix(_ field: YAMLField) -> [Int: Double] {
        guard let map = field.anyMapping() else { return [:] }
        var result: [Int: Double] = [:]
        for entry in map.entries {
            let value = field.child(entry.key, entry.value)
            guard let months = Int(entry.key), (1...600).contains(months) else {
                field.problems.append(InputProblem(
                    file: field.node.file, line: entry.keyLine, column: entry.keyColumn, field: value.path,
                    value: entry.key, expected: "a term in months from 1 to 600 as key"))
                continue
            }
            if let share = value.probability() { result[months] = share }
        }
        checkSum(field, map.entries.compactMap { Int($0.key).flatMap { result[$0] } }, count: map.entries.count)
        return result
    }

    static let variantKeys = ["name", "applications_multiplier", "extra_applications", "new_loan_pd_multiplier",
                              "pd_multiplier", "recovery_mean_shift"]

    /// The bureau's positioning as multipliers on the base behaviour.
    func variant(_ field: YAMLField) -> Variant {
        var variant = Variant()
        guard let map = field.mapping(keys: Self.variantKeys) else { return variant }
        variant.name = map.optional("name")?.string() ?? variant.name
        variant.applicationsMultiplier = map.optional("applications_multiplier").map {
            segmentTable($0, in: 0...100, "a multiplier from 0 to 100")
        } ?? [:]
        variant.extraApplications = map.optional("extra_applications").map {
            segmentTable($0, in: 0...1e6, "extra applications per year, >= 0")
        } ?? [:]
        variant.newLoanPDMultiplier = map.optional("new_loan_pd_multiplier").map {
            segmentTable($0, in: 0...100, "a multiplier from 0 to 100")
        } ?? [:]
        variant.pdMultiplier = map.optional("pd_multiplier")?.double(in: 0...100, "a multiplier from 0 to 100") ?? 1
        variant.recoveryMeanShift = map.optional("recovery_mean_shift")?
            .double(in: -1...1, "a shift of the recovery mean from -1 to 1") ?? 0
        return variant
    }
}
