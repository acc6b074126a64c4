-- A search nobody made before, each request: two words drawn from the content's
-- vocabulary, so the per-generation copy of a repeated search never answers it.
-- (wrk -s benchmarks/new_searches.lua; the URL's path is replaced.)
local words = {
  "labour", "workers", "viet", "nam", "social", "protection", "decent", "work",
  "employment", "skills", "youth", "women", "migration", "safety", "wages", "training",
  "enterprises", "garment", "factories", "union", "employers", "dialogue", "policy",
  "child", "health", "insurance", "government", "ministry", "hanoi", "project",
  "report", "workshop", "conference", "rights", "gender", "equality", "green", "jobs",
  "minimum", "wage", "code", "reform", "survey", "data", "forum", "partners",
}
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
  local a = words[math.random(#words)]
  local b = words[math.random(#words)]
  local page = math.random(3)
  return wrk.format("GET", "/search/?q=" .. a .. "+" .. b .. "&page=" .. page)
end
