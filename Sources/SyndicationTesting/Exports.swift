// Verdicts speak in the report model's terms (`Relation`, `AlignedPassage`, `PairFinding`,
// `ScanParameters`), so a test that imports SyndicationTesting can name them without a second
// import.
@_exported import SyndicationScan
