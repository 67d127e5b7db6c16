-- Where a page lies in its PDF, for boxes in PDF points from the bottom left of the media box
-- (REFI-QDA 1.5, 10.3): pdf.js's view (the crop box within the media box) starts at
-- view_x, view_y in user space, the media box at media_x, media_y; /Rotate turns the page
-- clockwise by `rotate` degrees (0, 90, 180, 270). pages.width/height stay the viewport's.
-- Pages imported before get 0, 0, 0, 0 and 0: what the code assumed until now, and what the
-- PDFs people code (Word, browsers, LaTeX) have.
ALTER TABLE pages ADD COLUMN view_x REAL NOT NULL DEFAULT 0;
ALTER TABLE pages ADD COLUMN view_y REAL NOT NULL DEFAULT 0;
ALTER TABLE pages ADD COLUMN media_x REAL NOT NULL DEFAULT 0;
ALTER TABLE pages ADD COLUMN media_y REAL NOT NULL DEFAULT 0;
ALTER TABLE pages ADD COLUMN rotate INTEGER NOT NULL DEFAULT 0;
