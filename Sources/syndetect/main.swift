import SyndicationReport
print("syndetect")
