import ArgumentParser
import LoanBookIO

extension ReportLocale: ExpressibleByArgument {}
