-- A session as an older gainstage bridge left it: ardourN-lua legacy-taps.lua SESSION_DIR STATE
-- Loads the session, pans Vox, Gtr and Keys hard left, places a tap send before every stage but Trim as the
-- bridge did before its taps had panners of their own (new_send with Ardour's "link send and route panner" on:
-- the send shares the route's panner), lists them in the control folder's registry the old way ("send route
-- before", no "own-panner"), and saves the session with them. Prints "legacy-taps: N" when done.
local session_dir, state = arg[1], arg[2]
local dir = os.getenv ("GAINSTAGE_ARDOUR_DIR")

local function say (line)
	print (line)
	io.stdout:flush ()
end

local jack
for b in AudioEngine:available_backends ():iter () do
	if not jack and b.name:match ("^JACK") then jack = b.name end
end
if not jack or AudioEngine:set_backend (jack, "", ""):isnil () then
	say ("legacy-taps: no JACK backend")
	quit ()
	return
end
if not load_session (session_dir, state) then
	say ("legacy-taps: cannot load " .. session_dir)
	quit ()
	return
end

local function sid (o) return o:to_stateful ():id ():to_s () end
local nogroup = PBD.GroupControlDisposition.NoGroup

for _, name in ipairs ({ "Vox", "Gtr", "Keys" }) do
	local r = Session:route_by_name (name)
	local w = r:pan_width_control ()
	if w and not w:isnil () then w:set_value (0, nogroup) end
	r:pan_azimuth_control ():set_value (0, nogroup)
end

local config = ARDOUR.config ()
local was = config:get_link_send_and_route_panner ()
config:set_link_send_and_route_panner (true)
local lines = {}
for r in Session:get_routes ():iter () do
	if r:active () and not r:is_monitor () and not r:is_auditioner () then
		local trim, stages, i = sid (r:trim ()), {}, 0
		while not r:nth_processor (i):isnil () do
			local p = r:nth_processor (i)
			local id = sid (p)
			if id ~= trim and p:input_streams ():n_audio () > 0 and (id == sid (r:amp ()) or id == sid (r:main_outs ())
				or not p:to_plugininsert ():isnil () or not p:to_send ():isnil ()) then
				stages[#stages + 1] = p
			end
			i = i + 1
		end
		for _, p in ipairs (stages) do
			local s = ARDOUR.LuaAPI.new_send (Session, r, p)
			assert (not s:isnil (), "no send before " .. p:display_name ())
			s:to_send ():gain_control ():set_value (1, nogroup)
			lines[#lines + 1] = sid (s) .. " " .. sid (r) .. " " .. sid (p)
		end
	end
end
config:set_link_send_and_route_panner (was)

local f = assert (io.open (dir .. "/taps-" .. Session:path ():gsub ("[^%w]", "_"), "w"))
f:write (table.concat (lines, "\n") .. "\n")
f:close ()
Session:save_state ("", false, false, false, false, false)
say ("legacy-taps: " .. #lines)
close_session ()
quit ()
