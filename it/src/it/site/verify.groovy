// mvn site: the conformance report is a page of the site, linked from the project reports.
def site = new File(basedir, 'target/site')
assert new File(site, 'xenacpi/index.html').isFile()
assert new File(site, 'xenacpi/report.json').isFile()
assert new File(site, 'project-reports.html').text.contains('xenacpi/index.html')
