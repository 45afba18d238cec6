// mvn site: the conformance report is a page of the site, linked from the project reports.
def site = new File(basedir, 'target/site')
assert new File(site, 'xenacpi/index.html').isFile()
assert new File(site, 'xenacpi/report.json').isFile()
assert new File(site, 'project-reports.html').text.contains('xenacpi/index.html')
// The report uses the validate execution's configuration: its firmware, strategies and Xen version.
def json = new File(site, 'xenacpi/report.json').text
assert json.contains('"qemu-virt"') && json.contains('"server-ras"')
assert json.contains('"stage2-fault"') && !json.contains('"bus-notify"')
assert json.contains('"4.17"')
